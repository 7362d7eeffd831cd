using System.Globalization;
using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Reads <c>nvidia-smi -q -x</c>: one &lt;gpu&gt; per physical GPU (product_name, fb_memory_usage/total),
/// its &lt;mig_devices&gt; counted as slices. Works across the DTD versions (v10 to v12 and later), which
/// keep these elements. A truncated file still gives the GPUs before the break; an attached_gpus
/// header larger than the GPUs present is a warning.
/// </summary>
internal static class NvidiaSmiXmlReader
{
    public static IEnumerable<InventoryEntry> Read(string text, ReadContext context)
    {
        var entries = new List<InventoryEntry>();
        var tally = context.Tally;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        int? attached = null;
        var gpus = 0;
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var info = (IXmlLineInfo)reader;
        try
        {
            reader.MoveToContent();
            if (reader.LocalName != "nvidia_smi_log")
            {
                entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, $"the XML root is <{reader.LocalName}>, not <nvidia_smi_log>.", "Save the output of 'nvidia-smi -q -x'."), info.LineNumber));
                return entries;
            }
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
                var line = info.LineNumber;
                if (reader.LocalName == "attached_gpus")
                {
                    if (int.TryParse(reader.ReadElementContentAsString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) attached = n;
                    continue;
                }
                if (reader.LocalName != "gpu") { reader.Skip(); continue; }
                var gpu = (XElement)XNode.ReadFrom(reader);
                context.NextRecord();
                gpus++;
                AddGpu(gpu, line, context, tally, entries);
            }
        }
        catch (XmlException ex)
        {
            entries.Add(context.BrokenOff("XML", "the GPUs", ex.Message, ex.LineNumber));
        }
        if (attached is { } header && header != gpus)
        {
            entries.Add(InventoryEntry.Warn($"{context.SourceName}: the header says attached_gpus {header} but {gpus} <gpu> element(s) are present; {gpus} counted."));
        }
        return entries;
    }

    private static void AddGpu(XElement gpu, long line, ReadContext context, InventoryTally tally, List<InventoryEntry> entries)
    {
        // A GPU's UUID is unique across hosts, so files of several nodes concatenated still count every GPU.
        if (!context.FirstSighting(gpu.Element("uuid")?.Value, "GPU", line, entries)) return;
        var name = gpu.Element("product_name")?.Value.Trim();
        if (string.IsNullOrEmpty(name))
        {
            entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, $"the <gpu id=\"{gpu.Attribute("id")?.Value}\"> element has no product_name."), line));
            return;
        }
        var memory = CsvInventoryReader.LeadingNumber(gpu.Element("fb_memory_usage")?.Element("total")?.Value);
        var slices = gpu.Element("mig_devices")?.Elements("mig_device").Count() ?? 0;
        var migMode = gpu.Element("mig_mode")?.Element("current_mig")?.Value.Trim();
        var note = slices > 0 ? "MIG enabled" : string.Equals(migMode, "Enabled", StringComparison.OrdinalIgnoreCase) ? "MIG enabled, no instances" : null;
        tally.AddPhysical(null, name!, 1, slices, 0, line, memory, note);
    }
}
