import NewswireStages

ExtractCommand.main()
