import NewswireStages

NormalizeCommand.main()
