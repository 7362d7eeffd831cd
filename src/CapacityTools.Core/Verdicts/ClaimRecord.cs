namespace CapacityTools.Core.Verdicts;

/// <summary>
/// A claim as a row of seeds/claims.csv (or any table with its columns): Id, Kind (GpuCount, GpuEquivalents,
/// MarketSize), Subject, Value, ValueHigh, Unit (the model, the reference or the currency), Year, Qualifier,
/// CompareWith (rival economies, ';'-separated), Attribution, Includes (the Id of a GPU count this total includes
/// with other GPUs) and Metric. Values are text, read with the invariant culture.
/// </summary>
public sealed class ClaimRecord
{
    public string Id { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Value { get; init; } = "";
    public string ValueHigh { get; init; } = "";
    public string Unit { get; init; } = "";
    public string Year { get; init; } = "";
    public string Qualifier { get; init; } = "";
    public string CompareWith { get; init; } = "";
    public string Attribution { get; init; } = "";
    public string Includes { get; init; } = "";
    public string Metric { get; init; } = "";

    /// <summary>The claim as a person reads it: subject, figures, qualifier.</summary>
    public string Describe(string figures) =>
        $"{(string.IsNullOrWhiteSpace(Subject) ? "" : Subject + ": ")}{figures}{(string.IsNullOrWhiteSpace(Qualifier) ? "" : $" ({Qualifier})")}";

    public override string ToString() => string.IsNullOrEmpty(Id) ? Subject : Id;
}
