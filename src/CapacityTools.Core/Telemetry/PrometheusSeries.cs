namespace CapacityTools.Core.Telemetry;

/// <summary>One element of an instant-vector answer: its labels and value.</summary>
public sealed class PrometheusSeries
{
    public PrometheusSeries(IReadOnlyDictionary<string, string> labels, double value)
    {
        Labels = labels;
        Value = value;
    }

    public IReadOnlyDictionary<string, string> Labels { get; }
    public double Value { get; }

    /// <summary>A label's value, or null when the series has none (Prometheus drops empty labels).</summary>
    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;
}
