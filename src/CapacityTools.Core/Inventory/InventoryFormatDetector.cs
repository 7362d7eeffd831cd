namespace CapacityTools.Core.Inventory;

/// <summary>Tells the inventory formats apart from the first few kilobytes of text (by the table in <see cref="InventoryFormats"/>).</summary>
public static class InventoryFormatDetector
{
    /// <summary>The format of a text that starts with <paramref name="head"/>; <see cref="InventoryFormat.Csv"/> when nothing more specific matches.</summary>
    public static InventoryFormat Detect(string head) => InventoryFormats.Detect(head);

    /// <summary>True for the formats that are read as CSV (streamed with CsvHelper).</summary>
    public static bool IsCsv(InventoryFormat format) => format != InventoryFormat.Auto && InventoryFormats.Get(format).IsCsv;
}
