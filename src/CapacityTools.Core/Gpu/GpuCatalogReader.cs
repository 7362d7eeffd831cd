using System.Globalization;
using CapacityTools.Core.Data;

namespace CapacityTools.Core.Gpu;

/// <summary>Reads the catalog's CSV files: gpus.csv (also the shape of a user's own catalog), gpu-families.csv and instance-types.csv.</summary>
public static class GpuCatalogReader
{
    /// <summary>The columns of gpus.csv, in order. A user's catalog needs Id and Model; the others may be absent.</summary>
    public static readonly IReadOnlyList<string> SpecColumns =
    [
        "Id", "Vendor", "Model", "Family", "FormFactor", "MemoryGB", "MemoryBandwidthGBps", "TdpWatts", "TdpBasis",
        "Fp64Tflops", "Fp64TensorTflops", "Fp32Tflops", "Tf32Tflops", "Bf16Tflops", "Fp16Tflops", "Fp8Tflops",
        "Int8Tops", "Fp4Tflops", "ReleaseYear", "Aliases", "Source",
    ];

    /// <summary>Reads specs; a bad row becomes a <see cref="Problem"/> and the good rows are kept.</summary>
    /// <exception cref="CapacityException">The file lacks a required column: nothing in it can be used.</exception>
    public static IReadOnlyList<GpuSpec> ReadSpecs(Stream stream, string sourceName, string origin, ICollection<Problem> problems) =>
        ReadSpecs(CsvRecords.Read(stream, sourceName), sourceName, origin, problems);

    /// <summary>
    /// A user's catalog file: decoded like every other file (<see cref="TextDecoder"/>), read strictly (a malformed
    /// row is a problem with its line and never swallows the next), bad rows as problems, the good rows kept.
    /// </summary>
    /// <exception cref="CapacityException">The file is not text or lacks a required column.</exception>
    public static IReadOnlyList<GpuSpec> ReadSpecsFile(string path, string sourceName, IProblemSink sink) =>
        UserFile.Read(path, sourceName, sink, (text, problems) => ReadSpecsText(text, sourceName, path, problems));

    /// <summary>A user's catalog already decoded, read strictly as <see cref="ReadSpecsFile"/> does.</summary>
    public static IReadOnlyList<GpuSpec> ReadSpecsText(string text, string sourceName, string origin, ICollection<Problem> problems) =>
        ReadSpecs(CsvRecords.ReadStrict(new StringReader(text), sourceName, problems.Add), sourceName, origin, problems);

    private static IReadOnlyList<GpuSpec> ReadSpecs((IReadOnlyList<string> Header, IEnumerable<CsvRecord> Rows) csv, string sourceName, string origin, ICollection<Problem> problems)
    {
        var (header, rows) = csv;
        RequireColumns(header, sourceName, "Id", "Model");
        var unknown = header.Where(h => !SpecColumns.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw Invalid(ErrorIds.GpuCatalogUnknownColumn, sourceName,
                $"unknown column(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}.",
                $"Use the columns of the embedded catalog: {string.Join(", ", SpecColumns)}.");
        }

        var specs = new List<GpuSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            try
            {
                var spec = ToSpec(row, origin);
                if (!seen.Add(NameKey.Of(spec.Id)))
                {
                    problems.Add(new Problem(ErrorIds.DuplicateGpuId, ProblemKind.InvalidData,
                        $"Id '{spec.Id}' appears more than once in the file; this row was skipped.", spec.Id, row.Location,
                        "Keep one row per Id."));
                    continue;
                }
                specs.Add(spec);
            }
            catch (FormatException ex)
            {
                problems.Add(new Problem(ErrorIds.InvalidGpuCatalogRow, ProblemKind.InvalidData,
                    $"{ex.Message} The row was skipped.", row.Get("Id"), row.Location));
            }
        }
        return specs;
    }

    public static IReadOnlyList<GpuFamily> ReadFamilies(Stream stream, string sourceName)
    {
        var (header, rows) = CsvRecords.Read(stream, sourceName);
        RequireColumns(header, sourceName, "Family", "DefaultId");
        return rows.Select(r => new GpuFamily
        {
            Family = Required(r, "Family"),
            DefaultId = Required(r, "DefaultId"),
            Aliases = SplitList(r.Get("Aliases")),
            Note = r.Get("Note") ?? "",
        }).ToList();
    }

    public static IReadOnlyList<InstanceType> ReadInstanceTypes(Stream stream, string sourceName)
    {
        var (header, rows) = CsvRecords.Read(stream, sourceName);
        RequireColumns(header, sourceName, "InstanceType", "GpuId", "GpusPerUnit");
        return rows.Select(r => new InstanceType
        {
            Name = Required(r, "InstanceType"),
            Provider = r.Get("Provider") ?? "",
            GpuId = Required(r, "GpuId"),
            GpusPerUnit = (int)Positive(r, "GpusPerUnit"),
            Fraction = r.GetDouble("Fraction") ?? 1,
            Source = r.Get("Source") ?? "",
        }).ToList();
    }

    private static GpuSpec ToSpec(CsvRecord row, string origin)
    {
        int? releaseYear = null;
        if (row.Get("ReleaseYear") is { } year)
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1990 || y > 2100)
                throw new FormatException($"ReleaseYear '{year}' is not a year (write four digits, e.g. 2023).");
            releaseYear = y;
        }
        return new GpuSpec
        {
            Id = Required(row, "Id"),
            Model = Required(row, "Model"),
            Vendor = row.Get("Vendor") ?? "",
            Family = row.Get("Family") ?? "",
            FormFactor = row.Get("FormFactor") ?? "",
            MemoryGB = Figure(row, "MemoryGB"),
            MemoryBandwidthGBps = Figure(row, "MemoryBandwidthGBps"),
            TdpWatts = Figure(row, "TdpWatts"),
            TdpBasis = row.Get("TdpBasis") ?? "",
            Fp64Tflops = Figure(row, "Fp64Tflops"),
            Fp64TensorTflops = Figure(row, "Fp64TensorTflops"),
            Fp32Tflops = Figure(row, "Fp32Tflops"),
            Tf32Tflops = Figure(row, "Tf32Tflops"),
            Bf16Tflops = Figure(row, "Bf16Tflops"),
            Fp16Tflops = Figure(row, "Fp16Tflops"),
            Fp8Tflops = Figure(row, "Fp8Tflops"),
            Int8Tops = Figure(row, "Int8Tops"),
            Fp4Tflops = Figure(row, "Fp4Tflops"),
            Aliases = SplitList(row.Get("Aliases")),
            Source = row.Get("Source") ?? row.Location.ToString(),
            ReleaseYear = releaseYear,
            Origin = origin,
        };
    }

    private static double? Figure(CsvRecord row, string column)
    {
        var value = row.GetDouble(column);
        if (value is < 0) throw new FormatException($"{column} is negative ({value}); figures are zero or more, or empty where the chip has none.");
        return value;
    }

    private static double Positive(CsvRecord row, string column)
    {
        var value = row.GetDouble(column) ?? throw new FormatException($"{column} is empty.");
        if (value <= 0) throw new FormatException($"{column} must be more than zero, not {value}.");
        return value;
    }

    private static string Required(CsvRecord row, string column) =>
        row.Get(column) ?? throw new FormatException($"{column} is empty.");

    private static DisplayList<string> SplitList(string? text) =>
        text is null ? [] : text.Split(';').Select(a => a.Trim()).Where(a => a.Length > 0).ToArray();

    private static void RequireColumns(IReadOnlyList<string> header, string sourceName, params string[] required)
    {
        var missing = required.Where(c => !header.Any(h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            throw Invalid(ErrorIds.MissingCatalogColumn, sourceName,
                $"the header has no {string.Join(", ", missing)} column (found: {string.Join(", ", header)}).",
                "Add the column, named as in the embedded catalog.");
        }
    }

    private static CapacityException Invalid(string id, string sourceName, string message, string action) =>
        new(new Problem(id, ProblemKind.InvalidData, message, sourceName, new SourceLocation(sourceName, 1), action));
}
