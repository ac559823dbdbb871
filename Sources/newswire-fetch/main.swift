import NewswireFetch

FetchCommand.main()
