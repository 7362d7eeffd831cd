using System.Globalization;
using System.Text.RegularExpressions;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Reads Slurm's views of GPU nodes: <c>sinfo -o "%n %G"</c> / <c>sinfo --Format=NodeHost,Gres,GresUsed</c>
/// (where the first column may be a node count, as with <c>--Format=Nodes,Gres</c>) and
/// <c>scontrol show node</c> blocks (Gres, else the gres/gpu entries of CfgTRES). Gres strings go to the
/// resolver as they are; an untyped "gpu:8" gives an item without a model and a GresTypeMissing error.
/// Used GPUs (GresUsed, AllocTRES) are not extra GPUs and are not counted.
/// </summary>
internal static class SlurmReader
{
    private static readonly HashSet<string> s_hostHeaders = new(StringComparer.OrdinalIgnoreCase) { "HOSTNAMES", "NODELIST", "NODE_ADDR", "NODEHOST" };
    private static readonly Regex s_field = new(@"(?<=^|\s)(?<key>NodeName|NodeHostName|Gres|CfgTRES|AllocTRES)=(?<value>\S*)", RegexOptions.CultureInvariant);

    public static IEnumerable<InventoryEntry> ReadSinfo(string[] lines, ReadContext context)
    {
        var entries = new List<InventoryEntry>();
        var tally = context.Tally;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var duplicates = 0;
        int gresColumn = -1, hostColumn = -1, nodesColumn = -1, columns = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var tokens = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0) continue;
            if (tokens.Contains("GRES", StringComparer.Ordinal))
            {
                columns = tokens.Length;
                gresColumn = Array.IndexOf(tokens, "GRES");
                hostColumn = Array.FindIndex(tokens, s_hostHeaders.Contains);
                nodesColumn = Array.IndexOf(tokens, "NODES");
                continue;
            }
            context.NextRecord();
            string? gres, host;
            double nodes = 1;
            if (gresColumn >= 0)
            {
                if (tokens.Length != columns)
                {
                    entries.Add(context.Skip(ReadContext.Malformed(context.SourceName,
                        $"the line has {tokens.Length} columns where the header has {columns}: '{lines[i].Trim()}'."), i + 1));
                    continue;
                }
                gres = tokens[gresColumn];
                host = hostColumn >= 0 ? tokens[hostColumn] : null;
                if (nodesColumn >= 0 && !GpuCount.TryParse(tokens[nodesColumn], out nodes, out var nodesProblem))
                {
                    entries.Add(context.Skip(nodesProblem.WithMessage($"The NODES column: {nodesProblem.Message}", tokens[nodesColumn]), i + 1));
                    continue;
                }
            }
            else
            {
                // No header (sinfo -h): the gres is the token that looks like one; a number is a node count, the rest a host.
                gres = tokens.FirstOrDefault(IsGresList);
                var rest = tokens.Where(t => !ReferenceEquals(t, gres)).ToList();
                var count = rest.FirstOrDefault(t => t.All(Ascii.IsDigit));
                if (count is not null && !GpuCount.TryParse(count, out nodes, out var nodesProblem))
                {
                    entries.Add(context.Skip(nodesProblem.WithMessage($"The node count: {nodesProblem.Message}", count), i + 1));
                    continue;
                }
                host = rest.FirstOrDefault(t => !ReferenceEquals(t, count));
                if (gres is null)
                {
                    entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, $"no gres column was found in '{lines[i].Trim()}'.",
                        "Save the output of sinfo -N -o \"%N %G\" with its header line."), i + 1));
                    continue;
                }
            }
            if (host is not null && !seen.Add(host + "\u0001" + gres))
            {
                // Node-oriented sinfo lists a node once per partition.
                duplicates++;
                continue;
            }
            AddGres(gres, host, nodes, i + 1, tally, context, entries);
        }
        if (duplicates > 0)
            entries.Add(InventoryEntry.Warn($"{context.SourceName}: {duplicates} line(s) repeat a node already listed (sinfo prints a node once per partition); each node was counted once."));
        return entries;
    }

    public static IEnumerable<InventoryEntry> ReadScontrol(string[] lines, ReadContext context)
    {
        var entries = new List<InventoryEntry>();
        var tally = context.Tally;
        for (var start = 0; start < lines.Length; start++)
        {
            if (!lines[start].TrimStart().StartsWith("NodeName=", StringComparison.Ordinal)) continue;
            var end = start + 1;
            while (end < lines.Length && lines[end].Trim().Length > 0 && !lines[end].TrimStart().StartsWith("NodeName=", StringComparison.Ordinal)) end++;
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var j = start; j < end; j++)
                foreach (Match m in s_field.Matches(lines[j]))
                    if (!fields.ContainsKey(m.Groups["key"].Value)) fields[m.Groups["key"].Value] = m.Groups["value"].Value;
            context.NextRecord();
            var host = fields["NodeName"];
            var line = start + 1;
            var gres = fields.TryGetValue("Gres", out var g) && g.Length > 0 && !g.Equals("(null)", StringComparison.OrdinalIgnoreCase) ? g : null;
            var tres = fields.TryGetValue("CfgTRES", out var t) ? t : null;
            double tresTotal = 0;
            var typedTres = new List<string>();
            foreach (var entry in SplitTopLevel(tres ?? ""))
            {
                if (!entry.StartsWith("gres/gpu", StringComparison.OrdinalIgnoreCase) || !GpuNameResolver.TryParseGres(entry, out var type, out var n)) continue;
                if (type.Length == 0) tresTotal = n;
                else typedTres.Add(entry);
            }
            if (!context.FirstSighting(host, "node", line, entries))
            {
                start = end - 1;
                continue;
            }
            double gresTotal = 0;
            if (gres is not null)
            {
                gresTotal = AddGres(gres, host, 1, line, tally, context, entries);
            }
            else if (typedTres.Count > 0)
            {
                foreach (var entry in typedTres) gresTotal += AddGres(entry, host, 1, line, tally, context, entries);
            }
            else if (tresTotal > 0)
            {
                gresTotal = AddGres($"gres/gpu={tresTotal.ToString(CultureInfo.InvariantCulture)}", host, 1, line, tally, context, entries);
            }
            if (tres is not null && tresTotal > 0 && gresTotal != tresTotal)
                entries.Add(InventoryEntry.Warn($"{context.SourceName}:{line}: node {host} has Gres for {gresTotal} GPU(s) but CfgTRES says gres/gpu={tresTotal}; the Gres was counted."));
            start = end - 1;
        }
        if (context.Stats.Records == 0)
            entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, "no NodeName= block was found.", "Save the output of 'scontrol show node'."), 1));
        return entries;
    }

    // Adds each GPU entry of a gres list; returns the GPUs it names. A GPU entry whose count breaks the count rule
    // (negative, not a number, too large) is an error and does not count; other gres (nvme:1, mps:400, shard:...) are not GPUs.
    /// <summary>
    /// Slurm's gres.conf: "[NodeName=tux[0-15]] Name=gpu [Type=a100] File=/dev/nvidia[0-3] | Count=4" lines. Each GPU line
    /// counts its GPUs (Count, else the device files) on each node of its NodeName list (the file's own node where it has
    /// none); MPS, shards and other gres are not GPUs. Devices (or a Count line) named twice for the same nodes count once.
    /// </summary>
    public static IEnumerable<InventoryEntry> ReadGresConf(string[] lines, ReadContext context)
    {
        var entries = new List<InventoryEntry>();
        var tally = context.Tally;
        var devicesSeen = new HashSet<string>(StringComparer.Ordinal);
        var autoDetect = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            var hash = text.IndexOf('#');
            if (hash >= 0) text = text.Substring(0, hash);
            if (text.Trim().Length == 0) continue;
            var pairs = SlurmGpuText.ConfPairs(text);
            if (!pairs.TryGetValue("Name", out var name))
            {
                if (pairs.ContainsKey("AutoDetect"))
                {
                    autoDetect = true;
                    continue;
                }
                context.NextRecord();
                entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, $"the line has no Name=: '{SafeText.Quote(text.Trim())}'.",
                    "Give each gres.conf line its Name= (gpu, mps, shard...), as Slurm requires."), i + 1));
                continue;
            }
            if (!name.Equals("gpu", StringComparison.OrdinalIgnoreCase)) continue;
            context.NextRecord();
            var line = i + 1;
            var nodeList = pairs.TryGetValue("NodeName", out var n) ? n : null;
            double nodes = 1;
            if (nodeList is not null)
            {
                var hosts = SlurmGpuText.CountNames(nodeList);
                if (hosts <= 0 || !GpuCount.Check(hosts, nodeList, out var hostProblem))
                {
                    entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, $"NodeName={SafeText.Quote(nodeList)} is not a Slurm host list.",
                        "Write the nodes as Slurm does: tux[0-15], or a comma list."), line));
                    continue;
                }
                nodes = hosts;
            }
            // The same devices (or the same Count line) of the same nodes, listed again, count once.
            var hasCount = pairs.TryGetValue("Count", out var listed);
            pairs.TryGetValue("File", out var file);
            var what = file is not null && !hasCount ? "File=" + file : $"Type={(pairs.TryGetValue("Type", out var type) ? type : "")} Count={listed}";
            if (!devicesSeen.Add((nodeList ?? "") + "\u0001" + what))
            {
                entries.Add(InventoryEntry.Warn($"{context.SourceName}:{line}: {SafeText.Quote(what)} of {(nodeList is null ? "this node" : "NodeName=" + SafeText.Quote(nodeList))} is listed again; it was counted once."));
                continue;
            }
            string count;
            if (hasCount) count = listed!;
            else if (file is not null)
            {
                var devices = SlurmGpuText.CountNames(file);
                if (devices <= 0)
                {
                    entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, $"File={SafeText.Quote(file)} is not a device file list.",
                        "Write the devices as Slurm does: /dev/nvidia[0-3]."), line));
                    continue;
                }
                count = devices.ToString(CultureInfo.InvariantCulture);
            }
            else count = "1";
            AddGres(SlurmGpuText.ConfGres(pairs, count), nodeList ?? context.DefaultHost, nodes, line, tally, context, entries);
        }
        if (context.Stats.Records == 0 && !autoDetect)
            entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, "no Name=gpu line was found.", "Save Slurm's gres.conf, or the gres.conf lines of the GPU nodes."), 1));
        else if (context.Stats.Records == 0)
            entries.Add(InventoryEntry.Warn($"{context.SourceName}: AutoDetect only: Slurm finds these GPUs itself, so the file names none; read 'scontrol show node' or 'sinfo' instead."));
        return entries;
    }

    private static double AddGres(string gres, string? host, double nodes, long line, InventoryTally tally, ReadContext context, List<InventoryEntry> entries)
    {
        double total = 0;
        foreach (var entry in SplitTopLevel(gres))
        {
            if (!GpuNameResolver.TryParseGres(entry, out _, out var count))
            {
                if (LooksLikeGpuGres(entry)) entries.Add(context.Skip(BadGres(entry), line));
                continue;
            }
            if (!GpuCount.Check(count, count.ToString("R", CultureInfo.InvariantCulture), out var problem) || !GpuCount.Check(nodes * count, $"{nodes} nodes x {count}", out problem))
            {
                entries.Add(context.Skip(problem.WithMessage($"In the gres '{SafeText.Quote(entry)}': {problem.Message}", entry), line));
                continue;
            }
            if (count == 0) continue;
            total += count;
            tally.AddUnits(host, entry, nodes, line, unresolvedCount: nodes * count,
                note: nodes > 1 ? $"{nodes.ToString(CultureInfo.InvariantCulture)} nodes" : null);
        }
        return total;
    }

    private static bool LooksLikeGpuGres(string entry) =>
        entry.StartsWith("gres/gpu", StringComparison.OrdinalIgnoreCase)
        || (entry.StartsWith("gpu", StringComparison.OrdinalIgnoreCase) && (entry.Length == 3 || entry[3] is ':' or '='));

    private static Problem BadGres(string entry)
    {
        var last = entry.Split(':', '=').Last().Split('(')[0];
        if (last.Length > 0 && (Ascii.IsDigit(last[0]) || last[0] is '-' or '+' or '.') && !GpuCount.TryParse(last, out _, out var countProblem))
            return countProblem.WithMessage($"In the gres '{SafeText.Quote(entry)}': {countProblem.Message}", entry);
        return new Problem(ErrorIds.InvalidInventoryData, ProblemKind.InvalidData,
            $"The gres '{SafeText.Quote(entry)}' is not of the form gpu[:type][:count], so its GPUs were not counted.", entry,
            recommendedAction: "Save sinfo or scontrol output unchanged; a GPU gres reads gpu:<type>:<count>, e.g. gpu:a100:8.");
    }

    /// <summary>Splits "gpu:a100:4(S:0,1),nvme:1" at the commas outside parentheses.</summary>
    /// <summary>
    /// True for a token sinfo prints as %G: "(null)", or a gres list with a GPU entry ("gpu:a100:8(S:0-1),nvme:2");
    /// not a host name that starts with "gpu" ("gpu-a001").
    /// </summary>
    internal static bool IsGresList(string token) =>
        token.Equals("(null)", StringComparison.OrdinalIgnoreCase)
        || SplitTopLevel(token).Any(entry => GpuNameResolver.TryParseGres(entry, out _, out _) && !entry.Equals("gpu", StringComparison.OrdinalIgnoreCase));

    internal static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth = Math.Max(0, depth - 1);
            else if (text[i] == ',' && depth == 0)
            {
                if (i > start) yield return text.Substring(start, i - start).Trim();
                start = i + 1;
            }
        }
        if (start < text.Length) yield return text.Substring(start).Trim();
    }
}
