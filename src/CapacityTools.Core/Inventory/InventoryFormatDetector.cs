using System.Text.RegularExpressions;

namespace CapacityTools.Core.Inventory;

/// <summary>Tells the inventory formats apart from the first few kilobytes of text.</summary>
public static class InventoryFormatDetector
{
    private static readonly Regex s_listLine = new(@"^GPU\s+[0-9]+:\s+.+\(UUID:", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_amdSmiBlock = new(@"^GPU:\s*[0-9]+\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_sinfoHeader = new(@"^\s*(?:[A-Z_():/]+\s+)*GRES(?:\s|$)", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_dcgmLine = new(@"^(?:#\s*(?:HELP|TYPE)\s+)?DCGM_FI_\w*\s*[{ ]", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex s_sinfoLine = new(@"^\S+\s+(?:\S+\s+)*(?:gpu:\S+|\(null\))\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>The format of a text that starts with <paramref name="head"/>; <see cref="InventoryFormat.Csv"/> when nothing more specific matches.</summary>
    public static InventoryFormat Detect(string head)
    {
        var text = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith("<", StringComparison.Ordinal)) return InventoryFormat.NvidiaSmiXml;
        if (text.StartsWith("{", StringComparison.Ordinal) || text.StartsWith("[", StringComparison.Ordinal)) return DetectJson(text);
        if (s_dcgmLine.IsMatch(text)) return InventoryFormat.DcgmExporter;
        if (text.IndexOf("NVSMI LOG", StringComparison.Ordinal) >= 0) return InventoryFormat.NvidiaSmiQuery;
        // The table may start with a timestamp line ("Mon Mar 11 09:31:07 2024") before its first border.
        if (text.IndexOf("NVIDIA-SMI", StringComparison.Ordinal) >= 0 && Regex.IsMatch(text, @"^\+-{10,}", RegexOptions.Multiline)) return InventoryFormat.NvidiaSmiTable;
        if (text.StartsWith("+---", StringComparison.Ordinal)) return InventoryFormat.NvidiaSmiTable;
        if (s_listLine.IsMatch(text)) return InventoryFormat.NvidiaSmiList;
        if (text.StartsWith("NodeName=", StringComparison.Ordinal)) return InventoryFormat.SlurmScontrol;
        if (s_amdSmiBlock.IsMatch(text) && text.IndexOf("MARKET_NAME", StringComparison.OrdinalIgnoreCase) >= 0) return InventoryFormat.AmdSmiStatic;
        var firstLine = text.Split('\n')[0];
        if (firstLine.IndexOf(',') < 0 && (s_sinfoHeader.IsMatch(firstLine) || s_sinfoLine.IsMatch(firstLine))) return InventoryFormat.SlurmSinfo;
        if (IsHeaderlessSinfo(firstLine)) return InventoryFormat.SlurmSinfo;
        return InventoryFormat.Csv;
    }

    // sinfo -h / -N -o "%N %G" (and more columns): words separated by spaces, one of them a gres list
    // ("gpu:h100:4(S:0),gpu:l40s:2(S:1)"), and no other word with a comma (which a CSV line would have).
    private static bool IsHeaderlessSinfo(string line)
    {
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2) return false;
        var gres = tokens.Where(SlurmReader.IsGresList).ToList();
        return gres.Count == 1 && tokens.All(t => ReferenceEquals(t, gres[0]) || t.IndexOf(',') < 0);
    }

    private static InventoryFormat DetectJson(string text)
    {
        if (Regex.IsMatch(text, @"""(?:items|kind)""\s*:", RegexOptions.CultureInvariant)
            && (text.IndexOf("\"Node", StringComparison.Ordinal) >= 0 || text.IndexOf("\"List\"", StringComparison.Ordinal) >= 0 || text.IndexOf("\"items\"", StringComparison.Ordinal) >= 0))
            return InventoryFormat.KubectlNodes;
        if (Regex.IsMatch(text, @"^\{\s*""card[0-9]+""", RegexOptions.CultureInvariant) || Regex.IsMatch(text, @"""card[0-9]+""\s*:\s*\{", RegexOptions.CultureInvariant))
            return InventoryFormat.RocmSmiJson;
        if (text.IndexOf("\"market_name\"", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("\"gpu_data\"", StringComparison.Ordinal) >= 0)
            return InventoryFormat.AmdSmiStatic;
        return InventoryFormat.KubernetesLabels;
    }

    /// <summary>True for the formats that are read as CSV (streamed with CsvHelper).</summary>
    public static bool IsCsv(InventoryFormat format) =>
        format is InventoryFormat.Csv or InventoryFormat.CloudInstances or InventoryFormat.NvidiaSmiCsv;
}
