namespace CapacityTools.Core.Gpu;

/// <summary>
/// Accumulates (model, count) pairs and gives one <see cref="GpuEquivalent"/> per distinct model,
/// in the order the models first appear. A bad pair is a <see cref="Problem"/>; the rest still count.
/// </summary>
public sealed class EquivalenceCalculator
{
    private readonly GpuCatalog _catalog;
    private readonly Dictionary<string, Accumulator> _byModel = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Accumulator> _order = [];
    private readonly HashSet<string> _warnedFamilies = new(StringComparer.OrdinalIgnoreCase);
    private readonly MetricReading _reference;
    private readonly ResolutionCache _resolutions;
    private readonly IProblemSink? _sink;

    /// <summary>Warnings (a family default whose variants differ under the metric) go to <paramref name="sink"/> as they arise.</summary>
    /// <exception cref="CapacityException">The reference is unknown or has no figure for the metric.</exception>
    public EquivalenceCalculator(GpuCatalog catalog, GpuMetric metric, string reference, IProblemSink? sink = null)
    {
        _catalog = catalog;
        _sink = sink;
        _resolutions = new ResolutionCache(catalog);
        Metric = metric;
        var resolved = catalog.Resolver.Resolve(reference, out var problem);
        if (resolved is null) throw new CapacityException(problem!);
        ReferenceSpec = resolved.Spec;
        _reference = GpuMetrics.Read(ReferenceSpec, metric) ?? throw new CapacityException(new Problem(
            ErrorIds.MetricNotAvailable, ProblemKind.InvalidArgument,
            $"The reference {ReferenceSpec.Id} has no {metric} figure, so nothing can be expressed in it.", reference,
            recommendedAction: "Choose another -Metric or another -Reference."));
    }

    /// <summary>The default reference: the H100 SXM5 80 GB that "H100 equivalents" mean.</summary>
    public const string DefaultReference = "H100-SXM5-80GB";

    public GpuMetric Metric { get; }
    public GpuSpec ReferenceSpec { get; }

    /// <summary>Says a warning through the sink the calculator was given (none: the caller does not show warnings).</summary>
    internal void Warn(string warning) => _sink?.Warning(warning);

    /// <summary>Adds a count of a model; returns the problem when the pair cannot count.</summary>
    public Problem? Add(string? model, double count, SourceLocation? location = null, bool countIsGpus = false)
    {
        var resolution = Prepare(model, ref count, location, countIsGpus, out var problem);
        return resolution is null ? problem : Add(resolution, count, location);
    }

    /// <summary>
    /// The one way a (model, count) pair becomes a resolution and units, for this calculator and the fleet's: the count
    /// rule, the name, and what a GPU-named count of an instance type means. Null with the problem when it cannot count.
    /// </summary>
    internal GpuResolution? Prepare(string? model, ref double count, SourceLocation? location, bool countIsGpus, out Problem? problem)
    {
        if (!Inventory.GpuCount.CheckDerived(count, model, out var countProblem))
        {
            problem = countProblem.At(location);
            return null;
        }
        var resolution = _resolutions.Resolve(model, out problem);
        if (resolution is null)
        {
            problem = problem!.At(location);
            return null;
        }
        count = Inventory.CountUnits.ToUnits(resolution, count, countIsGpus, out var warning);
        if (warning is not null) Warn(warning);
        return resolution;
    }

    /// <summary>Adds a count of an already-resolved model (as inventory readers give it).</summary>
    public Problem? Add(GpuResolution resolution, double count, SourceLocation? location = null)
    {
        var spec = resolution.Spec;
        var reading = GpuMetrics.Read(spec, Metric);
        if (reading is null)
        {
            return new Problem(ErrorIds.MetricNotAvailable, ProblemKind.NotAvailable,
                $"{spec.Id} has no {Metric} figure in the catalog, so its {count} GPU(s) cannot be counted under {Metric}.",
                resolution.Input, location, "Choose a metric the chip supports (see Get-GpuSpec), e.g. -Metric Bf16 or -Metric Fp32.");
        }
        WarnIfFamilyVaries(resolution);

        if (!_byModel.TryGetValue(spec.Id, out var acc))
        {
            acc = new Accumulator(spec, reading.Value);
            _byModel[spec.Id] = acc;
            _order.Add(acc);
        }
        acc.Count += count * resolution.GpusPerUnit * resolution.Fraction;
        if (!acc.Inputs.Contains(resolution.Input, StringComparer.OrdinalIgnoreCase)) acc.Inputs.Add(resolution.Input);
        if (resolution.MatchKind is not (MatchKind.Exact or MatchKind.Alias) && !acc.Notes.Contains(resolution.Note)) acc.Notes.Add(resolution.Note);
        return null;
    }

    public IReadOnlyList<GpuEquivalent> Results() => _order.Select(ToResult).ToList();

    private GpuEquivalent ToResult(Accumulator acc)
    {
        var perUnit = acc.Reading.Value / _reference.Value;
        var notes = acc.Notes.ToList();
        if (acc.Reading.IsFallback) notes.Insert(0, $"{Metric}: {acc.Reading.Basis}");
        return new GpuEquivalent
        {
            Model = acc.Spec.Id,
            Count = acc.Count,
            Metric = Metric,
            Reference = ReferenceSpec.Id,
            PerUnit = perUnit,
            Equivalents = acc.Count * perUnit,
            ModelValue = acc.Reading.Value,
            ReferenceValue = _reference.Value,
            Unit = GpuMetrics.Unit(Metric),
            Basis = acc.Reading.Basis,
            ReferenceBasis = _reference.Basis,
            InputNames = acc.Inputs.ToArray(),
            Note = string.Join("; ", notes),
        };
    }

    private void WarnIfFamilyVaries(GpuResolution resolution)
    {
        if (resolution.Family is null || !_warnedFamilies.Add(resolution.Family)) return;
        var family = _catalog.FindFamily(resolution.Family);
        if (family is null) return;
        var variants = _catalog.FamilyMembers(family)
            .Select(s => (s.Id, Reading: GpuMetrics.Read(s, Metric)))
            .Where(v => v.Reading is not null)
            .ToList();
        var values = variants.Select(v => v.Reading!.Value.Value).Distinct().ToList();
        if (values.Count <= 1) return;
        var listing = string.Join(", ", variants.Select(v => $"{v.Id} {v.Reading!.Value.Value:0.###}"));
        Warn($"'{resolution.Input}' names the {family.Family} family, counted as {resolution.Id}; its variants differ under {Metric} ({listing} {GpuMetrics.Unit(Metric)}). Name the variant to be exact.");
    }

    private sealed class Accumulator(GpuSpec spec, MetricReading reading)
    {
        public GpuSpec Spec { get; } = spec;
        public MetricReading Reading { get; } = reading;
        public double Count { get; set; }
        public List<string> Inputs { get; } = [];
        public List<string> Notes { get; } = [];
    }
}
