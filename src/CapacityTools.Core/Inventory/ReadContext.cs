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
