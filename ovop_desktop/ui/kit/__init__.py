"""What several places of the window share: messages, table-model base, display helpers,
the PDF preview and the region picker."""
