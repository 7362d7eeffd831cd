using System.Diagnostics;
using System.Text;
using CapacityTools.Core.Economy;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;
using CapacityTools.Core.Tests.Inventory;
using CsCheck;

namespace CapacityTools.Core.Tests.Hostile;

/// <summary>
/// Property-based fuzzing of every reader: mutations of real samples (truncation, byte flips, number swaps,
/// duplicated and shuffled lines, control bytes) and random text. The invariants of issue 9: no exception but
/// the module's own <see cref="CapacityException"/>, every count within the rule, every message safe for a
/// terminal and short, and bounded time per input. CAPACITYTOOLS_FUZZ_ITER sets the cases per reader (100,000 by default).
/// </summary>
public class ReaderFuzzTests
{
    private static readonly long s_iterations = long.TryParse(Environment.GetEnvironmentVariable("CAPACITYTOOLS_FUZZ_ITER"), out var n) ? n : 100_000;

    // Values that have broken readers before: overflow, signs, non-finite, separators, huge.
    private static readonly string[] s_numbers =
        ["0", "-1", "-8", "2147483648", "99999999999", "1e308", "-1e308", "NaN", "Infinity", "8,5", "8.5", "1.000", "1,024", "10000001", "", " ", "0x10", "١٢"];

    private static readonly string[] s_controls = ["\0", "\u001b[31m", "\u0007", "\r", "\u0085", "\u202e", "\"", "'", ",", ";", "\t", "{", "}", "<", ">", "&", "]]>", "\uFEFF"];

    public static TheoryData<string, string[]> Samples() => new()
    {
        { "csv", ["fleet.csv", "fleet-bad.csv", "cloud-instances.csv", "nvidia-smi-query.csv", "nvidia-smi-query-noheader.csv", "fleet-custom-columns.csv"] },
        { "nvidia-smi-xml", ["nvidia-smi-q-x-v10-v100.xml", "nvidia-smi-q-x-v12-h100.xml", "nvidia-smi-q-x-v11-a100-mig.xml"] },
        { "nvidia-smi-text", ["nvidia-smi-q.txt", "nvidia-smi-L.txt", "nvidia-smi-L-r450.txt", "nvidia-smi-table.txt", "nvidia-smi-table-r470.txt"] },
        { "kubernetes", ["kubectl-node-single.json", "kubectl-nodes-truncated.json", "node-labels.json"] },
        { "amd", ["rocm-smi-mi250.json", "rocm-smi-productname.json", "amd-smi-static.json", "amd-smi-static.txt"] },
        { "slurm", ["sinfo-n-G.txt", "sinfo-nodes.txt", "sinfo-format.txt", "scontrol-show-node.txt", "gres.conf"] },
        { "lspci", ["lspci-hgx-a100.txt", "lspci-nn-mixed.txt", "lspci-vmm.txt", "lspci-n.txt"] },
        { "dcgm-exporter", ["../telemetry/dcgm/l4-aws-kops-conformance.txt", "../telemetry/dcgm/a100-mig-nvidia-docs.txt", "../telemetry/dcgm/titanv-k8s-empty-pod-labels-issue58.txt", "../telemetry/dcgm/vgpu-grid-a100-10c-vks-conformance.txt"] },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void InventoryReadersKeepTheirInvariants(string reader, string[] samples)
    {
        var bases = samples.Select(s => File.ReadAllText(InventoryRead.PathOf(s))).ToArray();
        var max = TimeSpan.Zero;
        Gen.Select(Gen.Int[0, bases.Length - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, 6]).Sample(t =>
        {
            var text = t.Item3 == 6 ? RandomText(t.Item2) : Mutate(bases[t.Item1], t.Item2, t.Item3);
            var watch = Stopwatch.StartNew();
            var inventory = new InventoryReader(GpuCatalog.Embedded, new InventoryOptions());
            try
            {
                foreach (var entry in inventory.ReadText(text, "fuzz"))
                {
                    if (entry.Item is { } item) AssertCount(item.Count, inventory.Stats.Records);
                    if (entry.Problem is { } problem) AssertSafe(problem.FullMessage);
                    if (entry.Warning is { } warning) AssertSafe(SafeText.Clean(warning));
                }
            }
            catch (CapacityException ex)
            {
                AssertSafe(ex.Problem.FullMessage);
            }
            Bound(watch, ref max);
        }, iter: s_iterations, threads: 1, print: t => $"sample {samples[t.Item1]}, seed {t.Item2}, kind {t.Item3}");
        Report(reader, max);
    }

    [Fact]
    public void TheBulkScanKeepsItsInvariantsAndAgreesWithTheImport()
    {
        var bases = new[] { "fleet.csv", "fleet-bad.csv", "cloud-instances.csv" }.Select(s => File.ReadAllText(InventoryRead.PathOf(s))).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"capacitytools-fuzz-{Guid.NewGuid():N}.csv");
        var max = TimeSpan.Zero;
        try
        {
            // Every case goes through a file, as -Path reads it.
            Gen.Select(Gen.Int[0, bases.Length - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, 6]).Sample(t =>
            {
                var text = t.Item3 == 6 ? RandomText(t.Item2) : Mutate(bases[t.Item1], t.Item2, t.Item3);
                File.WriteAllText(path, text);
                var watch = Stopwatch.StartNew();
                var bulk = new BulkFleetReader(GpuCatalog.Embedded, new InventoryOptions());
                try
                {
                    var sink = new ListSink();
                    var models = bulk.Read(path, "fuzz", sink);
                    foreach (var p in sink.Problems) AssertSafe(p.FullMessage);
                    foreach (var w in sink.Warnings) AssertSafe(SafeText.Clean(w));
                    foreach (var m in models) AssertCount(m.Units, bulk.Rows);
                }
                catch (CapacityException ex)
                {
                    AssertSafe(ex.Problem.FullMessage);
                }
                Bound(watch, ref max);
            }, iter: s_iterations, threads: 1, print: t => $"seed {t.Item2}, kind {t.Item3}");
        }
        finally
        {
            File.Delete(path);
        }
        Report("bulk-scan (files)", max);
    }

    [Fact]
    public void TheCatalogReaderKeepsItsInvariants()
    {
        var seed = "Id,Vendor,Model,Family,MemoryGB,TdpWatts,Bf16Tflops,Fp8Tflops,Aliases,Source\n" +
                   "LAB-H100,NVIDIA,H100 measured,H100,80,700,900,1800,\"lab h100;h100 lab\",lab notebook\n" +
                   "LAB-X,ACME,X,X,16,300,100,,,vendor sheet\n";
        var max = TimeSpan.Zero;
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 6]).Sample(t =>
        {
            var text = t.Item2 == 6 ? RandomText(t.Item1) : Mutate(seed, t.Item1, t.Item2);
            var watch = Stopwatch.StartNew();
            var problems = new List<Problem>();
            try
            {
                var specs = GpuCatalogReader.ReadSpecsText(text, "fuzz", "fuzz", problems);
                foreach (var spec in specs) Assert.False(string.IsNullOrWhiteSpace(spec.Id));
            }
            catch (CapacityException ex)
            {
                AssertSafe(ex.Problem.FullMessage);
            }
            foreach (var p in problems) AssertSafe(p.FullMessage);
            Bound(watch, ref max);
        }, iter: s_iterations, threads: 1, print: t => $"seed {t.Item1}, kind {t.Item2}");
        Report("catalog", max);
    }

    [Fact]
    public void TheGdpReaderKeepsItsInvariants()
    {
        var seeds = new[]
        {
            "iso3,country,year,indicator,value_usd,estimate_or_projection\nPOL,Poland,2024,NGDPD,914553000000,actual\nDEU,Germany,2024,NGDPD,4600000000000,actual\nWLD,World,2024,NGDPD,110000000000000,actual\n",
            "Country Name,Country Code,Year,Value\nPoland,POL,2023,811229000000\nWorld,WLD,2023,105435039470010.4\n",
            "WEO Country Code\tISO\tWEO Subject Code\tCountry\tSubject Descriptor\tUnits\tScale\tEstimates Start After\t2023\t2024\n964\tPOL\tNGDPD\tPoland\tGross domestic product, current prices\tU.S. dollars\tBillions\t2023\t811.229\t914.553\n\nInternational Monetary Fund, World Economic Outlook Database, October 2025\n",
        };
        var max = TimeSpan.Zero;
        Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, 6]).Sample(t =>
        {
            var text = t.Item3 == 6 ? RandomText(t.Item2) : Mutate(seeds[t.Item1], t.Item2, t.Item3);
            var watch = Stopwatch.StartNew();
            try
            {
                var edition = GdpFileReader.Read(Encoding.UTF8.GetBytes(text), "fuzz.csv", "Fuzz", EconomyDirectory.Embedded);
                foreach (var p in edition.LoadProblems) AssertSafe(p.FullMessage);
                foreach (var year in edition.Years)
                    foreach (var figure in edition.GetYear(year)!.Ranked)
                        Assert.True(figure.Usd > 0 && figure.Usd <= GdpEditionBuilder.MaxGdpUsd, $"{figure.Usd}");
            }
            catch (CapacityException ex)
            {
                AssertSafe(ex.Problem.FullMessage);
            }
            Bound(watch, ref max);
        }, iter: s_iterations, threads: 1, print: t => $"seed {t.Item2}, kind {t.Item3}");
        Report("gdp", max);
    }

    [Fact]
    public void TheAmountParserKeepsItsInvariants()
    {
        var seeds = new[] { "$800 billion", "$6-13 trillion", "€5B", "800,000,000,000", "about 0.8T", "between 6 and 13 trillion", "USD 5 bn" };
        var max = TimeSpan.Zero;
        Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, 6]).Sample(t =>
        {
            var text = t.Item3 == 6 ? RandomText(t.Item2, 40) : Mutate(seeds[t.Item1], t.Item2, t.Item3);
            var watch = Stopwatch.StartNew();
            var amount = AmountParser.Parse(text, t.Item2 % 3 == 0 ? 1.08 : null, out var problem);
            if (amount is null) AssertSafe(problem!.FullMessage);
            else
            {
                Assert.True(amount.LowUsd > 0 && amount.LowUsd <= GdpEditionBuilder.MaxGdpUsd, text);
                if (amount.HighUsd is { } high) Assert.True(high > amount.LowUsd && high <= GdpEditionBuilder.MaxGdpUsd, text);
            }
            Bound(watch, ref max);
        }, iter: s_iterations, threads: 1, print: t => $"seed {t.Item2}, kind {t.Item3}");
        Report("amount", max);
    }

    [Fact]
    public void TheCountRuleHoldsForAnyText()
    {
        Gen.String.Sample(text =>
        {
            if (GpuCount.TryParse(text, out var count, out var problem)) AssertCount(count, 1, whole: true);
            else AssertSafe(problem!.FullMessage);
            if (GpuCount.TryParse(Encoding.UTF8.GetBytes(text), out var fromBytes, out _)) AssertCount(fromBytes, 1, whole: true);
        }, iter: s_iterations, threads: 1);
        Gen.Double.Sample(value =>
        {
            if (GpuCount.TryFromValue(value, out var count, out _)) AssertCount(count, 1, whole: true);
        }, iter: s_iterations, threads: 1);
        Report("count rule (text and numbers)", TimeSpan.Zero, 2 * s_iterations);
    }

    // Kinds 0-5 mutate: truncate, flip bytes, swap numbers, duplicate lines, shuffle lines, insert control bytes.
    internal static string Mutate(string text, int seed, int kind)
    {
        var random = new Random(seed);
        switch (kind)
        {
            case 0:
                return text.Substring(0, random.Next(text.Length + 1));
            case 1:
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var i = random.Next(1, 8); i > 0 && bytes.Length > 0; i--) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return Encoding.UTF8.GetString(bytes);
            }
            case 2:
            {
                var sb = new StringBuilder();
                var i = 0;
                while (i < text.Length)
                {
                    if (char.IsDigit(text[i]))
                    {
                        var start = i;
                        while (i < text.Length && char.IsDigit(text[i])) i++;
                        sb.Append(random.Next(3) == 0 ? s_numbers[random.Next(s_numbers.Length)] : text.Substring(start, i - start));
                    }
                    else sb.Append(text[i++]);
                }
                return sb.ToString();
            }
            case 3:
            {
                var lines = text.Split('\n').ToList();
                for (var i = random.Next(1, 4); i > 0 && lines.Count > 0; i--)
                {
                    var at = random.Next(lines.Count);
                    lines.Insert(at, lines[at]);
                }
                return string.Join("\n", lines);
            }
            case 4:
            {
                var lines = text.Split('\n');
                var head = lines.Take(1);
                return string.Join("\n", head.Concat(lines.Skip(1).OrderBy(_ => random.Next())));
            }
            default:
            {
                var sb = new StringBuilder(text);
                for (var i = random.Next(1, 6); i > 0; i--) sb.Insert(random.Next(sb.Length + 1), s_controls[random.Next(s_controls.Length)]);
                return sb.ToString();
            }
        }
    }

    internal static string RandomText(int seed, int maxLength = 400)
    {
        var random = new Random(seed);
        var chars = new char[random.Next(maxLength)];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = random.Next(4) == 0 ? (char)random.Next(0x20) : random.Next(8) == 0 ? (char)random.Next(0x80, 0x3000) : (char)random.Next(0x20, 0x7F);
        return new string(chars);
    }

    private static void AssertCount(double count, long records, bool whole = false)
    {
        Assert.False(double.IsNaN(count) || double.IsInfinity(count), $"count {count}");
        Assert.True(count >= 0, $"count {count}");
        // A row counts at most 10,000,000 units; a unit (an NVL72 rack) is at most 72 GPUs.
        Assert.True(count <= GpuCount.MaxPerRow * 72 * Math.Max(1, records), $"count {count} from {records} records");
        if (whole) Assert.Equal(Math.Floor(count), count);
    }

    private static void AssertSafe(string message)
    {
        Assert.True(message.Length <= SafeText.MaxMessage * 2 + 400, $"message of {message.Length} characters");
        foreach (var c in message)
            Assert.False((c < 0x20 && c is not ('\n' or '\r' or '\t')) || c is >= '\u007F' and <= '\u009F', $"control character U+{(int)c:X4} in: {message}");
    }

    private static void Bound(Stopwatch watch, ref TimeSpan max)
    {
        if (watch.Elapsed > max) max = watch.Elapsed;
        // A generous bound (a CI machine may pause a thread): reading a small input must never take seconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed.TotalSeconds:F1} s for one input");
    }

    private static void Report(string reader, TimeSpan max, long? cases = null)
    {
        var line = $"fuzz {reader}: {cases ?? s_iterations:N0} cases (longest {max.TotalMilliseconds:F1} ms)";
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "fuzz-summary.txt"), line + Environment.NewLine);
    }
}
