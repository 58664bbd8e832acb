"""quotes stage of khabar."""
