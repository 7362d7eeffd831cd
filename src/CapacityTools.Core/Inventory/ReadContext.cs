using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Inventory;

/// <summary>What every format reader needs while reading one source.</summary>
internal sealed class ReadContext
{
    public ReadContext(ResolutionCache resolutions, InventoryOptions options, string sourceName, InventoryStats stats, CancellationToken token)
    {
        Resolutions = resolutions;
        Options = options;
        SourceName = sourceName;
        Stats = stats;
        Token = token;
    }

    public ResolutionCache Resolutions { get; }
    public InventoryOptions Options { get; }
    public string SourceName { get; }
    public InventoryStats Stats { get; }
    public CancellationToken Token { get; }

    /// <summary>The host when the source names none.</summary>
    public string? DefaultHost => string.IsNullOrWhiteSpace(Options.Host) ? null : Options.Host;

    public SourceLocation At(long line) => new(SourceName, line);

    public InventoryTally Tally(InventoryFormat format) => new(this, format);

    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True the first time a node or device (by a key unique to it: node name, GPU UUID) is met in this source;
    /// after that a warning says it is listed again and was counted once.
    /// </summary>
    public bool FirstSighting(string? key, string what, long line, List<InventoryEntry> entries)
    {
        if (string.IsNullOrWhiteSpace(key) || _seen.Add(key!.Trim())) return true;
        entries.Add(InventoryEntry.Warn($"{SourceName}:{line}: {what} '{SafeText.Quote(key.Trim())}' is listed again; it was counted once."));
        return false;
    }

    /// <summary>A problem with one row or block: counted as skipped.</summary>
    public InventoryEntry Skip(Problem problem, long line)
    {
        Stats.Skipped++;
        return InventoryEntry.Of(problem.At(At(line)));
    }

    public static Problem Malformed(string what, string detail, string? action = null) =>
        new(ErrorIds.InvalidInventoryData, ProblemKind.InvalidData, $"{what}: {detail}", what,
            recommendedAction: action ?? "Save the tool's complete output again (an interrupted copy is often truncated), or fix the line.");
}
