using System.Globalization;
using System.Text.RegularExpressions;

namespace CapacityTools.Core.Gpu;

/// <summary>
/// Rewrites the other places Slurm names a GPU type into the gres form the resolver reads ("gpu:type:count"):
/// job options (<c>--gres=gpu:a100:2</c>, <c>--gpus=a100:4</c>), scontrol fields (<c>Gres=</c>, <c>GresUsed=</c>,
/// <c>CfgTRES=…,gres/gpu:h100=4</c>) and gres.conf lines (<c>Name=gpu Type=a100 File=/dev/nvidia[0-3]</c>).
/// </summary>
public static class SlurmGpuText
{
    private static readonly Regex s_option = new(
        @"^--?(?<option>gres|gpus|gpus-per-node|gpus-per-task|gpus-per-socket|tres-per-node)[=\s]\s*(?<value>\S+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex s_field = new(
        @"^(?:Gres|GresUsed|CfgTRES|AllocTRES|ReqTRES|TRES)=(?<value>\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex s_conf = new(@"(?<=^|\s)(?<key>\w+)=(?<value>\S+)", RegexOptions.CultureInvariant);

    /// <summary>
    /// The gres text in a Slurm option, field or gres.conf line, or null when the text is none of these.
    /// Several GPU entries of different types (a mixed node) come back as they are, joined by commas, for the caller to refuse.
    /// </summary>
    public static string? ToGres(string text)
    {
        if (text.IndexOf('=') < 0) return null;
        var option = s_option.Match(text);
        if (option.Success)
        {
            var value = option.Groups["value"].Value;
            var isGres = option.Groups["option"].Value.Equals("gres", StringComparison.OrdinalIgnoreCase)
                || option.Groups["option"].Value.Equals("tres-per-node", StringComparison.OrdinalIgnoreCase);
            return GpuEntries(isGres ? value : "gpu:" + value);
        }
        var field = s_field.Match(text);
        if (field.Success) return GpuEntries(field.Groups["value"].Value);
        return GresConf(text);
    }

    // "gpu:a100:4(S:0),nvme:1" or "cpu=64,gres/gpu=4,gres/gpu:h100=4": the GPU entries, typed ones where any are typed.
    private static string? GpuEntries(string list)
    {
        var entries = list.Split(',').Select(e => e.Trim())
            .Where(e => e.StartsWith("gpu", StringComparison.OrdinalIgnoreCase) || e.StartsWith("gres/gpu", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (entries.Count == 0) return null;
        var typed = entries.Where(e => GpuNameResolver.TryParseGres(e, out var type, out _) && type.Length > 0).ToList();
        return string.Join(",", typed.Count > 0 ? typed : entries);
    }

    // "NodeName=n[1-4] Name=gpu Type=a100 File=/dev/nvidia[0-3]": Type, and Count or the number of device files.
    private static string? GresConf(string line)
    {
        var pairs = ConfPairs(line);
        if (!pairs.TryGetValue("Name", out var name) || !name.Equals("gpu", StringComparison.OrdinalIgnoreCase)) return null;
        string count;
        if (pairs.TryGetValue("Count", out var c)) count = c;
        else if (pairs.TryGetValue("File", out var file)) count = DeviceFiles(file).ToString(CultureInfo.InvariantCulture);
        else count = "1";
        return ConfGres(pairs, count);
    }

    /// <summary>The key=value pairs of a gres.conf line ("NodeName=tux[0-3] Name=gpu Type=a100 ..."): the first of each key, keys in any case.</summary>
    public static Dictionary<string, string> ConfPairs(string line)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in s_conf.Matches(line))
            if (!pairs.ContainsKey(m.Groups["key"].Value)) pairs[m.Groups["key"].Value] = m.Groups["value"].Value;
        return pairs;
    }

    /// <summary>The gres a gres.conf GPU line with this many GPUs stands for: "gpu:a100:4", or "gpu:4" without a Type.</summary>
    public static string ConfGres(IReadOnlyDictionary<string, string> pairs, string count) =>
        pairs.TryGetValue("Type", out var type) ? $"gpu:{type}:{count}" : $"gpu:{count}";

    // "/dev/nvidia[0-3,6]" is 5 files; "/dev/nvidia0" is 1; a list Slurm would not read counts 1 (and the caller's count rule decides).
    private static int DeviceFiles(string file) => CountNames(file) is > 0 and var n ? (int)Math.Min(n, int.MaxValue) : 1;

    /// <summary>
    /// How many names a Slurm host list or device-file list stands for: "tux[0-15]" is 16, "a,b[1-2]" is 3,
    /// "rack[1-2]-n[01-04]" is 8 (brackets multiply). -1 when the text is not such a list (an unclosed bracket, a
    /// descending or non-numeric range). Counts without expanding, so a hostile range costs nothing.
    /// </summary>
    public static long CountNames(string list)
    {
        long total = 0;
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= list.Length; i++)
        {
            var c = i < list.Length ? list[i] : ',';
            if (c == '[') depth++;
            else if (c == ']') depth--;
            if (depth is < 0 or > 1) return -1;
            if (c != ',' || depth != 0) continue;
            var entry = list.Substring(start, i - start).Trim();
            start = i + 1;
            if (entry.Length == 0) continue;
            var names = CountEntry(entry);
            if (names < 0) return -1;
            total = Math.Min(total + names, long.MaxValue / 2);
        }
        return depth == 0 ? total : -1;
    }

    // "rack[1-2]-n[01-04,7]": the product of its bracket sizes.
    private static long CountEntry(string entry)
    {
        long names = 1;
        var at = 0;
        while ((at = entry.IndexOf('[', at)) >= 0)
        {
            var close = entry.IndexOf(']', at + 1);
            if (close < 0) return -1;
            long size = 0;
            foreach (var range in entry.Substring(at + 1, close - at - 1).Split(','))
            {
                var ends = range.Trim().Split('-');
                if (ends.Length > 2 || !long.TryParse(ends[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)) return -1;
                var last = first;
                if (ends.Length == 2 && !long.TryParse(ends[1], NumberStyles.None, CultureInfo.InvariantCulture, out last)) return -1;
                if (last < first || first > 1_000_000_000_000L || last > 1_000_000_000_000L) return -1;
                size += last - first + 1;
            }
            names = Math.Min(names * Math.Max(size, 1), 1_000_000_000_000L);
            at = close + 1;
        }
        return names;
    }
}
