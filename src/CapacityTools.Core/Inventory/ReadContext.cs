using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// What every format reader needs while reading one source, and the part of the frame readers share: one tally
/// of the GPUs found (drained by the dispatcher), record counting with cancellation, problems with their line.
/// </summary>
internal sealed class ReadContext
{
    private InventoryTally? _tally;

    public ReadContext(ResolutionCache resolutions, InventoryOptions options, string sourceName, InventoryStats stats, InventoryFormat format, CancellationToken token)
    {
        Resolutions = resolutions;
        Options = options;
        SourceName = sourceName;
        Stats = stats;
        Format = format;
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

    /// <summary>The format being read; a CSV reader narrows it (cloud instances, nvidia-smi CSV) once it has seen the header.</summary>
    public InventoryFormat Format { get; set; }

    /// <summary>The GPUs found so far, per host and model; the dispatcher drains it when the reader is done.</summary>
    public InventoryTally Tally => _tally ??= new InventoryTally(this, Format);

    /// <summary>Problems met outside the reader's own output (an over-long line), for the dispatcher to write first.</summary>
    public List<InventoryEntry> Pending { get; } = [];

    /// <summary>Counts a record (row, block, node, GPU) and stops promptly when the user pressed Ctrl+C.</summary>
    public void NextRecord()
    {
        if ((++Stats.Records & 0xFF) == 0) Token.ThrowIfCancellationRequested();
    }

    /// <summary>A problem with one record, written before the reader's own entries.</summary>
    public void Fail(Problem problem, long line) => Pending.Add(Skip(problem, line));

    /// <summary>The problem for a document that breaks off or is invalid (JSON, XML): one more record, skipped.</summary>
    public InventoryEntry BrokenOff(string kind, string read, string detail, long line)
    {
        NextRecord();
        return Skip(Malformed(SourceName, $"the {kind} breaks off or is invalid ({detail}); {read} before it were read."), line);
    }

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
