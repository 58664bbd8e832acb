"""web stage of khabar."""
