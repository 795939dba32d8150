"""Rankings: one village's candidates and the regional ranking of a kabupaten/kota or kecamatan."""
