namespace CapacityTools.Core.Economy;

/// <summary>What an edition holds: the summary Import-GdpData writes.</summary>
public sealed class GdpEditionInfo
{
    public string Edition { get; init; } = "";
    public GdpSource Source { get; init; }
    public string Title { get; init; } = "";
    /// <summary>The file layout it was read from (Tidy, WorldBankLong, WorldBankBulk, ImfClassicWeo, ImfDataPortal).</summary>
    public GdpFileLayout Layout { get; init; }
    /// <summary>"Embedded" or the file's path.</summary>
    public string Origin { get; init; } = "";
    public int Economies { get; init; }
    public int Aggregates { get; init; }
    public int FirstYear { get; init; }
    public int LastYear { get; init; }
    /// <summary>The first year whose figures are projections, when the publisher makes projections.</summary>
    public int? FirstProjectionYear { get; init; }
    /// <summary>The year comparisons use when none is given: the last year before the projections.</summary>
    public int DefaultYear { get; init; }
    /// <summary>Economy-year values read.</summary>
    public int Observations { get; init; }
    /// <summary>Rows that could not be used (each was reported as an error).</summary>
    public int RowsSkipped { get; init; }
    /// <summary>Whether the edition has the publisher's World aggregate, used for shares of world GDP.</summary>
    public bool HasWorld { get; init; }
    public string Attribution { get; init; } = "";

    public override string ToString() => Edition;
}
