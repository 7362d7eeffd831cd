namespace CapacityTools.Core.Economy;

/// <summary>One economy's GDP for one year in one edition, as stored (immutable, shared).</summary>
public sealed class GdpFigure
{
    internal GdpFigure(Economy economy, string sourceCode, string sourceName, int year, double usd, GdpStatus status)
    {
        Economy = economy;
        SourceCode = sourceCode;
        SourceName = sourceName;
        Year = year;
        Usd = usd;
        Status = status;
    }

    public Economy Economy { get; }

    /// <summary>The code the publisher's file uses (KOS, WBG, WLD, 964, ...).</summary>
    public string SourceCode { get; }

    /// <summary>The name as this edition spells it ("Poland, Republic of").</summary>
    public string SourceName { get; }

    public int Year { get; }

    /// <summary>GDP in current US dollars (whole dollars, not billions).</summary>
    public double Usd { get; }

    public GdpStatus Status { get; }

    /// <summary>Position among the year's economies by GDP, 1 for the largest; 0 for aggregates. Equal GDPs share a rank.</summary>
    public int Rank { get; internal set; }

    public override string ToString() => $"{Economy.Name} {Year}";
}
