import NewswireWeb

PublishCommand.main()
