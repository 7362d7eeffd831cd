using System.Globalization;
using CapacityTools.Core.Data;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Pricing;

/// <summary>
/// Dated GPU prices, immutable: cloud on-demand and spot prices per GPU-hour by provider, region and instance
/// type, and purchase prices per GPU. The embedded table is loaded once, lazily and thread-safely; a user's
/// prices make a new table (<see cref="With"/>), never a change to a shared one.
/// </summary>
public sealed class PriceTable
{
    /// <summary>The value SkyPilot's catalog puts where it knows no price (some TPU rows): never a real price.</summary>
    public const double PlaceholderPrice = 700.0;

    /// <summary>The note on a price of the accelerator alone (Google Cloud's GPU rows), without the VM that carries it.</summary>
    public const string AcceleratorOnlyNote = "GPU only: the VM that carries it is priced separately.";

    /// <summary>The providers whose lowest listed on-demand price is the default rent reference.</summary>
    public static readonly IReadOnlyList<string> BigClouds = ["AWS", "Azure", "GCP"];

    private static readonly Lazy<PriceTable> s_embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    public PriceTable(IEnumerable<GpuPrice> prices) => Prices = prices.ToList();

    public static PriceTable Embedded => s_embedded.Value;

    public IReadOnlyList<GpuPrice> Prices { get; }

    public IEnumerable<string> Providers => Prices.Select(p => p.Provider).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(p => p, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Regions => Prices.Select(p => p.Region).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(r => r, StringComparer.OrdinalIgnoreCase);

    /// <summary>A table with the user's prices added; a user price replaces an embedded one for the same model, kind, provider, region and instance type.</summary>
    public PriceTable With(IEnumerable<GpuPrice> added)
    {
        var list = added.ToList();
        var keys = new HashSet<string>(list.Select(Key), StringComparer.OrdinalIgnoreCase);
        return new PriceTable(list.Concat(Prices.Where(p => !keys.Contains(Key(p)))));
    }

    /// <summary>The prices that match every filter given (null or empty = any); provider and region compare ordinal-ignore-case.</summary>
    public IEnumerable<GpuPrice> Find(string? modelId, string? provider, string? region, PriceKind? kind) =>
        Prices.Where(p => (string.IsNullOrEmpty(modelId) || string.Equals(p.Model, modelId, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(provider) || string.Equals(p.Provider, provider, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(region) || string.Equals(p.Region, region, StringComparison.OrdinalIgnoreCase))
            && (kind is null || p.Kind == kind));

    /// <summary>
    /// The rent reference of a model: its lowest on-demand price per GPU-hour in the given provider and region,
    /// by default over every region of AWS, Azure and GCP. Null when none is listed.
    /// </summary>
    public GpuPrice? ReferenceRent(string modelId, string? provider, string? region) =>
        Find(modelId, provider, region, PriceKind.OnDemand)
            .Where(p => !string.IsNullOrEmpty(provider) || BigClouds.Contains(p.Provider, StringComparer.OrdinalIgnoreCase))
            .OrderBy(p => p.PricePerGpuHour)
            .ThenBy(p => p.Provider, StringComparer.Ordinal).ThenBy(p => p.Region, StringComparer.Ordinal).ThenBy(p => p.InstanceType, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>
    /// The purchase price of a model: the newest observation; when several share the newest date, the median
    /// of them (the lower middle one for an even count), so it is always a real, sourced row. Null when none.
    /// </summary>
    public GpuPrice? Purchase(string modelId)
    {
        var prices = Find(modelId, null, null, PriceKind.Purchase).ToList();
        if (prices.Count == 0) return null;
        var newest = prices.Select(p => p.AsOf).OrderByDescending(d => d, StringComparer.Ordinal).First();
        var same = prices.Where(p => p.AsOf == newest).OrderBy(p => p.Price).ToList();
        return same[(same.Count - 1) / 2];
    }

    /// <summary>
    /// Per-GPU cloud prices from catalog rows, one per provider, region, instance type and kind. On-demand: the
    /// lowest listed price over the region's zones; a row without a price (no on-demand offer) or with the
    /// placeholder gives none. Spot: the same, and a spot price equal to the on-demand price is not a spot quote.
    /// </summary>
    public static IReadOnlyList<GpuPrice> FromCloudRows(IEnumerable<CloudPriceRow> rows)
    {
        var prices = new List<GpuPrice>();
        foreach (var group in rows.GroupBy(r => (r.Provider, r.Region, r.InstanceType)))
        {
            var zones = group.ToList();
            var first = zones[0];
            var onDemand = zones.Where(r => Real(r.Price)).ToList();
            var spot = zones.Where(r => Real(r.SpotPrice) && r.SpotPrice != r.Price).ToList();
            if (onDemand.Count > 0) prices.Add(Price(first, PriceKind.OnDemand, onDemand, r => r.Price!.Value));
            if (spot.Count > 0) prices.Add(Price(first, PriceKind.Spot, spot, r => r.SpotPrice!.Value));
        }
        return prices;
    }

    private static bool Real(double? price) => price is > 0 && price != PlaceholderPrice;

    private static GpuPrice Price(CloudPriceRow row, PriceKind kind, List<CloudPriceRow> quotes, Func<CloudPriceRow, double> price)
    {
        var lowest = quotes.OrderBy(price).First();
        var varies = quotes.Select(price).Distinct().Count() > 1;
        var instance = price(lowest);
        var accelerator = row.InstanceType.EndsWith("(accelerator only)", StringComparison.OrdinalIgnoreCase);
        return new GpuPrice
        {
            Model = row.GpuId,
            Provider = row.Provider,
            Region = row.Region,
            InstanceType = row.InstanceType,
            Kind = kind,
            PricePerGpuHour = instance / row.GpusPerInstance,
            InstancePricePerHour = instance,
            GpusPerInstance = row.GpusPerInstance,
            Currency = row.Currency,
            AsOf = row.AsOf,
            Zone = varies ? lowest.Zone : "",
            Source = row.Source,
            Note = accelerator ? AcceleratorOnlyNote : varies ? "Zones differ; the lowest is shown." : "",
        };
    }

    /// <summary>Reads seeds/gpu-cloud-prices.csv (whole-instance prices per zone, with the GPU id and count of each instance type).</summary>
    public static IReadOnlyList<CloudPriceRow> ReadCloudRows(Stream stream, string sourceName)
    {
        var (_, rows) = CsvRecords.Read(stream, sourceName);
        var list = new List<CloudPriceRow>();
        foreach (var row in rows)
        {
            list.Add(Parse(row, () => new CloudPriceRow
            {
                Provider = Required(row, "Provider"),
                Region = Required(row, "Region"),
                Zone = row.Get("Zone") ?? "",
                InstanceType = Required(row, "InstanceType"),
                GpuId = Required(row, "GpuId"),
                GpusPerInstance = int.Parse(Required(row, "GpusPerInstance"), NumberStyles.Integer, CultureInfo.InvariantCulture),
                Price = row.GetDouble("Price"),
                SpotPrice = row.GetDouble("SpotPrice"),
                Currency = row.Get("Currency") ?? "USD",
                AsOf = Required(row, "AsOf"),
                Source = Required(row, "Source"),
                Line = row.Location.Line,
            }));
        }
        return list;
    }

    /// <summary>Reads seeds/gpu-purchase-prices.csv: one dated purchase price per GPU, with its source.</summary>
    public static IReadOnlyList<GpuPrice> ReadPurchases(Stream stream, string sourceName)
    {
        var (_, rows) = CsvRecords.Read(stream, sourceName);
        return rows.Select(row => Parse(row, () => new GpuPrice
        {
            Model = Required(row, "GpuId"),
            Kind = PriceKind.Purchase,
            Price = row.GetDouble("Price") ?? throw new FormatException("Price is empty."),
            Currency = row.Get("Currency") ?? "USD",
            AsOf = Required(row, "AsOf"),
            Source = Required(row, "Source"),
            Note = string.Join("; ", new[] { row.Get("HardwareName") is { } n ? $"Epoch row '{n}'" : null, row.Get("Note") }.Where(s => s is not null)),
        })).ToList();
    }

    /// <summary>
    /// Reads a user's price file (decoded like every file the module reads, CSV records checked strictly):
    /// the columns Get-GpuPrice writes (Model, Kind, PricePerGpuHour or Price, Currency, AsOf, Source; Provider,
    /// Region, InstanceType for cloud prices). Models are resolved through the catalog. A bad row is a problem
    /// and is skipped; the others are returned.
    /// </summary>
    /// <exception cref="CapacityException">The file is not text, or lacks a required column.</exception>
    public static IReadOnlyList<GpuPrice> ReadUserFile(string path, string sourceName, GpuCatalog catalog, IProblemSink sink) =>
        UserFile.Read(path, sourceName, sink, (text, problems) => ReadUser(new StringReader(text), sourceName, catalog, problems));

    /// <summary>The same over text already decoded.</summary>
    public static IReadOnlyList<GpuPrice> ReadUser(TextReader text, string sourceName, GpuCatalog catalog, ICollection<Problem> problems)
    {
        var (header, rows) = CsvRecords.ReadStrict(text, sourceName, problems.Add);
        foreach (var column in new[] { "Model", "Kind", "AsOf", "Source" })
        {
            if (!header.Any(h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase)))
                throw new CapacityException(new Problem(ErrorIds.PriceFileInvalid, ProblemKind.InvalidData, $"'{sourceName}' has no '{column}' column.", sourceName,
                    recommendedAction: "Give the columns Get-GpuPrice writes: Model, Kind, PricePerGpuHour or Price, Currency, AsOf, Source (and Provider, Region, InstanceType for cloud prices)."));
        }
        var prices = new List<GpuPrice>();
        foreach (var row in rows)
        {
            var problem = ReadUserRow(row, catalog, out var price);
            if (problem is null) prices.Add(price!);
            else problems.Add(problem.At(row.Location));
        }
        return prices;
    }

    private static Problem? ReadUserRow(CsvRecord row, GpuCatalog catalog, out GpuPrice? price)
    {
        price = null;
        var resolution = catalog.Resolver.Resolve(row.Get("Model"), out var problem);
        if (resolution is null) return problem;
        if (!Enum.TryParse<PriceKind>(row.Get("Kind") ?? "", true, out var kind) || !Enum.IsDefined(typeof(PriceKind), kind))
            return Invalid($"Kind '{row.Get("Kind")}' is not OnDemand, Spot or Purchase.", row);
        double? value;
        try
        {
            value = kind == PriceKind.Purchase ? row.GetDouble("Price") : row.GetDouble("PricePerGpuHour");
        }
        catch (FormatException ex)
        {
            return Invalid(ex.Message, row);
        }
        if (value is not > 0) return Invalid(kind == PriceKind.Purchase ? "Price must be a number above zero." : "PricePerGpuHour must be a number above zero.", row);
        if (row.Get("AsOf") is not { } asOf) return Invalid("AsOf is empty: every price needs its date.", row);
        if (row.Get("Source") is not { } source) return Invalid("Source is empty: every price needs its source.", row);
        if (kind != PriceKind.Purchase && (row.Get("Provider") is null || row.Get("Region") is null))
            return Invalid("A cloud price needs its Provider and Region.", row);
        price = new GpuPrice
        {
            Model = resolution.Spec.Id,
            Provider = row.Get("Provider") ?? "",
            Region = row.Get("Region") ?? "",
            InstanceType = row.Get("InstanceType") ?? "",
            Kind = kind,
            PricePerGpuHour = kind == PriceKind.Purchase ? null : value,
            Price = kind == PriceKind.Purchase ? value : null,
            Currency = row.Get("Currency") ?? "USD",
            AsOf = asOf,
            Source = source,
            Note = row.Get("Note") ?? "Imported by the user.",
        };
        return null;
    }

    private static Problem Invalid(string message, CsvRecord row) =>
        new(ErrorIds.InvalidPriceRow, ProblemKind.InvalidData, message, row.Get("Model"), recommendedAction: "Fix the row and import the file again.");

    private static string Required(CsvRecord row, string column) => row.Get(column) ?? throw new FormatException($"{column} is empty.");

    private static T Parse<T>(CsvRecord row, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException ex)
        {
            throw new CapacityException(new Problem(ErrorIds.PriceFileInvalid, ProblemKind.InvalidData, ex.Message, row.Location.File, row.Location));
        }
    }

    private static string Key(GpuPrice p) => string.Join("|", p.Model, p.Kind, p.Provider, p.Region, p.InstanceType);

    private static PriceTable LoadEmbedded()
    {
        var cloud = FromCloudRows(ReadCloudRows(EmbeddedData.Open("gpu-cloud-prices.csv"), "gpu-cloud-prices.csv"));
        var purchases = ReadPurchases(EmbeddedData.Open("gpu-purchase-prices.csv"), "gpu-purchase-prices.csv");
        return new PriceTable(cloud.Concat(purchases));
    }
}
