"""store stage of khabar."""
