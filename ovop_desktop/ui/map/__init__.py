"""The Peta place: Kalimantan Selatan's villages by survey state and stars, drawn with Qt."""
