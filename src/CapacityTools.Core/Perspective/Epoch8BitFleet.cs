using System.Globalization;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Perspective;

/// <summary>
/// GPUs gathered for a cluster comparison, whatever metric their input was computed under, recomputed under
/// Epoch8Bit (the basis of Epoch AI's H100 equivalents), with the basis text and the notes the comparison shows.
/// </summary>
public sealed class Epoch8BitFleet
{
    /// <summary>The basis of a number given as H100 equivalents.</summary>
    public const string GivenBasis = "As given: taken to be H100 equivalents on Epoch's 8-bit basis (Epoch8Bit).";

    private readonly EquivalenceCalculator _calculator;
    private readonly SortedSet<string> _inputMetrics = new(StringComparer.Ordinal);

    /// <exception cref="CapacityException">The catalog lacks the reference GPU.</exception>
    public Epoch8BitFleet(GpuCatalog catalog, IProblemSink? sink = null) =>
        _calculator = new EquivalenceCalculator(catalog, GpuMetric.Epoch8Bit, EquivalenceCalculator.DefaultReference, sink);

    /// <summary>Adds GPUs of a model; <paramref name="inputMetric"/> is the metric the input was computed under, when it says.</summary>
    public Problem? Add(string? model, double count, GpuMetric? inputMetric = null, bool countIsGpus = false)
    {
        if (inputMetric is { } metric) _inputMetrics.Add(metric.ToString());
        return _calculator.Add(model, count, countIsGpus: countIsGpus);
    }

    /// <summary>The fleet's H100 equivalents under Epoch8Bit, how they were computed, and what the input's metric means; null when no GPU counted.</summary>
    public (double Equivalents, string Basis, IReadOnlyList<string> Notes)? Result()
    {
        var rows = _calculator.Results();
        if (rows.Count == 0) return null;
        var gpus = rows.Sum(r => r.Count);
        var other = _inputMetrics.Where(m => m != nameof(GpuMetric.Epoch8Bit)).ToList();
        IReadOnlyList<string> notes = other.Count == 0 ? [] :
            [$"The input was computed under {string.Join(", ", other)}; it was recomputed under Epoch8Bit, the basis of Epoch's H100 equivalents, from its GPUs."];
        var basis = $"Recomputed under Epoch8Bit (dense 8-bit, else 16-bit tensor, else FP32, over the H100 SXM's 1,979 TOPS) from {gpus.ToString("N0", CultureInfo.InvariantCulture)} GPU(s) of {rows.Count} model(s): " +
            string.Join(", ", rows.Select(r => $"{r.Count.ToString("N0", CultureInfo.InvariantCulture)} x {r.Model}"));
        return (rows.Sum(r => r.Equivalents), basis, notes);
    }
}
