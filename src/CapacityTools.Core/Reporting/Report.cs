using System.Globalization;
using System.Reflection;
using CapacityTools.Core.Economy;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;
using CapacityTools.Core.Perspective;
using CapacityTools.Core.Pricing;
using CapacityTools.Core.Telemetry;
using CapacityTools.Core.Verdicts;

namespace CapacityTools.Core.Reporting;

/// <summary>
/// What a report shows, gathered from the module's objects as they come: inventory items are summarised as they
/// arrive (<see cref="InventoryDigest"/>); other objects are kept up to <see cref="MaxRows"/> per kind, and counted
/// beyond. Objects of other types become a table of their simple properties. Writers turn it into HTML, XLSX or Markdown.
/// </summary>
public sealed class Report(string title, GpuCatalog catalog)
{
    /// <summary>The most rows a table keeps of one kind of object; the rest are counted in the table's note.</summary>
    public const int MaxRows = 10_000;

    private readonly InventoryDigest _inventory = new(catalog);
    private readonly List<GpuEquivalent> _equivalents = [];
    private readonly List<FleetSummary> _fleets = [];
    private readonly List<ClaimCheck> _claims = [];
    private readonly List<MarketComparison> _markets = [];
    private readonly List<CountryGdp> _gdp = [];
    private readonly List<ClusterComparison> _clusters = [];
    private readonly List<GpuPrice> _prices = [];
    private readonly List<GpuUsage> _usage = [];
    private readonly HostTally _usageHours = new();
    private readonly Dictionary<string, ReportTable> _others = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public string Title { get; } = title;
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Adds one object; false when it is not one of the module's types (it is still shown, as a table of its properties).</summary>
    public bool Add(object item)
    {
        switch (item)
        {
            case GpuInventoryItem i: _inventory.Add(i); return true;
            case GpuEquivalent e: Keep(_equivalents, e); return true;
            case FleetSummary f: Keep(_fleets, f); return true;
            case ClaimCheck c: Keep(_claims, c); return true;
            case MarketComparison m: Keep(_markets, m); return true;
            case CountryGdp g: Keep(_gdp, g); return true;
            case ClusterComparison k: Keep(_clusters, k); return true;
            case GpuPrice p: Keep(_prices, p); return true;
            case GpuUsage u:
                _usageHours.Add(u.Host, u.GpuHours);
                Keep(_usage, u);
                return true;
        }
        // Another type (a usage record, a neighbour, another module's object): its simple properties, typed by their declared types.
        var type = item.GetType();
        var known = type.Assembly == typeof(Report).Assembly;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();
        var numeric = new HashSet<string>(properties.Where(p => IsNumberType(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)).Select(p => p.Name), StringComparer.Ordinal);
        AddRecord(type.Name, properties.Select(p => new KeyValuePair<string, object?>(p.Name, Read(p, item))), numeric);
        return known;
    }

    /// <summary>Adds an object of no known type as its properties (a PowerShell custom object); simple values only, numbers where the first one has them.</summary>
    public void AddRecord(string typeName, IEnumerable<KeyValuePair<string, object?>> properties) => AddRecord(typeName, properties, null);

    private void AddRecord(string typeName, IEnumerable<KeyValuePair<string, object?>> properties, HashSet<string>? numeric)
    {
        var list = properties.Where(p => IsSimple(p.Value)).ToList();
        var key = "Other: " + typeName;
        if (!_others.TryGetValue(key, out var table))
        {
            table = new ReportTable(key, list.Select(p => new ReportColumn(p.Key, (numeric?.Contains(p.Key) ?? IsNumber(p.Value)) ? ColumnKind.Number : ColumnKind.Text)).ToList());
            _others[key] = table;
        }
        if (!Counted(key)) return;
        table.Rows.Add(table.Columns.Select(c => Cell(list.FirstOrDefault(p => p.Key == c.Header).Value, c.Kind)).ToArray());
    }

    /// <summary>How many objects came in, by kind.</summary>
    public IReadOnlyDictionary<string, long> Counts => _counts;

    public long InventoryRows => _inventory.Rows;

    public IReadOnlyList<ReportTable> Tables() => ReportTables.Build(this, _inventory, _equivalents, _fleets, _claims, _markets, _gdp, _clusters, _prices, _usage, _others.Values);

    public IReadOnlyList<ReportChart> Charts() => ReportCharts.Build(_inventory, _fleets, _claims, _markets, _usageHours);

    /// <summary>The sources and licences of the figures shown, and the editions the objects name.</summary>
    public IReadOnlyList<string> Sources()
    {
        var editions = _markets.Select(m => m.Edition).Concat(_gdp.Select(g => g.Edition)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var list = new List<string>
        {
            "GPU figures: vendor datasheets (dense figures, never 'with sparsity'), and Epoch AI's data on machine learning hardware, GPU clusters and AI chip sales, CC BY 4.0 (epoch.ai).",
            "GDP: International Monetary Fund, World Economic Outlook Database (IMF.RES:WEO), (c) IMF; World Bank, World Development Indicators, GDP (current US$), CC BY 4.0. No endorsement by the IMF or the World Bank is implied.",
            "Prices: the dated provider pages named on each price. Usage: the Prometheus server (dcgm-exporter) each usage row names.",
        };
        if (editions.Count > 0) list.Add($"GDP editions used: {string.Join(", ", editions)}.");
        list.Add($"Written by CapacityTools on {Created.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}; see the module's NOTICE file.");
        return list;
    }

    internal long CountOf(string kind) => _counts.TryGetValue(kind, out var n) ? n : 0;

    private void Keep<T>(List<T> list, T item)
    {
        if (Counted(typeof(T).Name)) list.Add(item);
    }

    private bool Counted(string kind)
    {
        var n = CountOf(kind) + 1;
        _counts[kind] = n;
        return n <= MaxRows;
    }

    private static object? Read(PropertyInfo property, object item)
    {
        try
        {
            return property.GetValue(item);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    internal static bool IsNumber(object? value) => value is not null && IsNumberType(value.GetType());

    private static bool IsNumberType(Type t) =>
        t == typeof(double) || t == typeof(float) || t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(decimal) || t == typeof(uint) || t == typeof(ulong);

    private static bool IsSimple(object? value) => value is null or string or bool or Enum or DateTime or DateTimeOffset or TimeSpan || IsNumber(value);

    /// <summary>A cell of the column's kind: a double for numbers (null when empty or not finite), text otherwise.</summary>
    internal static object? Cell(object? value, ColumnKind kind)
    {
        if (kind == ColumnKind.Text) return value switch
        {
            null => "",
            DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (!IsNumber(value)) return null;
        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return double.IsNaN(number) || double.IsInfinity(number) ? null : number;
    }
}
