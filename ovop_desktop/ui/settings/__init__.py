"""The Pengaturan place: profile, laptop, language, region list and setup package."""
