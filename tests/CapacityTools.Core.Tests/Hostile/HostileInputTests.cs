using System.Text;
using CapacityTools.Core.Economy;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;
using CapacityTools.Core.Tests.Inventory;

namespace CapacityTools.Core.Tests.Hostile;

/// <summary>One test per reproduction of issue 9: bad input is an error with its place, never a count, never a crash.</summary>
public class HostileInputTests
{
    private static string Node(string name, string count, string capacity, string product = "NVIDIA-H100-80GB-HBM3") =>
        "{\"kind\":\"Node\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"nvidia.com/gpu.product\":\"" + product + "\",\"nvidia.com/gpu.count\":" + count
        + "}},\"status\":{\"capacity\":{\"cpu\":\"96\",\"nvidia.com/gpu\":" + capacity + "}}}";

    private static string Nodes(params string[] nodes) => "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[" + string.Join(",", nodes) + "]}";

    [Fact]
    public void SlurmGresBeyondInt32IsAnErrorWithItsLineAndTheOtherNodesCount()
    {
        var read = InventoryRead.Text("NodeName=a Gres=gpu:a100:99999999999\nNodeName=b Gres=gpu:a100:8\n", InventoryFormat.SlurmScontrol);
        Assert.Equal(8, read.Total);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(ErrorIds.InvalidGpuCount, problem.ErrorId);
        Assert.Equal(1, problem.Location!.Line);
        Assert.Contains("99999999999", problem.Message);
    }

    [Theory]
    [InlineData("\"-8\"", "\"-8\"", "negative")]
    [InlineData("\"1e308\"", "\"1e308\"", "more than 10,000,000")]
    [InlineData("\"NaN\"", "\"8\"", "not a finite number")]
    [InlineData("\"8\"", "1e308", "more than 10,000,000")]
    [InlineData("\"eight\"", "\"8\"", "not a number")]
    public void KubectlBadCountsAreErrorsAndTheNodeDoesNotCount(string label, string capacity, string why)
    {
        var read = InventoryRead.Text(Nodes(Node("bad", label, capacity), Node("good", "\"8\"", "\"8\"")), InventoryFormat.KubectlNodes);
        Assert.Equal(8, read.Total);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(ErrorIds.InvalidGpuCount, problem.ErrorId);
        Assert.Contains(why, problem.Message);
        Assert.Contains("'bad'", problem.Message);
        Assert.True(double.IsFinite(read.Total));
    }

    [Fact]
    public void AnAmdCapacityAboveTheCeilingIsRefused()
    {
        var node = """{"kind":"Node","metadata":{"name":"mi","labels":{"amd.com/gpu.product-name":"AMD Instinct MI300X"}},"status":{"capacity":{"amd.com/gpu":"20000000"}}}""";
        var read = InventoryRead.Text(Nodes(node), InventoryFormat.KubectlNodes);
        Assert.Equal(0, read.Total);
        Assert.Equal(ErrorIds.InvalidGpuCount, Assert.Single(read.Problems).ErrorId);
    }

    [Fact]
    public void ALabelThatDisagreesWithTheCapacityIsSaid()
    {
        var read = InventoryRead.Text(Nodes(Node("n1", "\"8\"", "\"7\"")), InventoryFormat.KubectlNodes);
        Assert.Equal(8, read.Total);
        Assert.Contains(read.Warnings, w => w.Contains("says 8") && w.Contains("is 7"));
        Assert.Contains("capacity", Assert.Single(read.Items).Note);
    }

    [Fact]
    public void ANodeListedTwiceCountsOnce()
    {
        var read = InventoryRead.Text(Nodes(Node("n1", "\"8\"", "\"8\""), Node("n1", "\"8\"", "\"8\"")), InventoryFormat.KubectlNodes);
        Assert.Equal(8, read.Total);
        Assert.Contains(read.Warnings, w => w.Contains("listed again"));

        var slurm = InventoryRead.Text("NodeName=a Gres=gpu:a100:8\nNodeName=a Gres=gpu:a100:8\n", InventoryFormat.SlurmScontrol);
        Assert.Equal(8, slurm.Total);
        Assert.Contains(slurm.Warnings, w => w.Contains("listed again"));
    }

    [Theory]
    [InlineData("nvidia-smi-q-x-v12-h100.xml")]
    [InlineData("nvidia-smi-q.txt")]
    [InlineData("nvidia-smi-L.txt")]
    public void AGpuListedTwiceByItsUuidCountsOnce(string sample)
    {
        var text = File.ReadAllText(InventoryRead.PathOf(sample));
        var once = InventoryRead.Text(text);
        var twice = InventoryRead.Text(sample.EndsWith(".xml", StringComparison.Ordinal)
            ? text.Insert(text.IndexOf("<gpu ", StringComparison.Ordinal), text.Substring(text.IndexOf("<gpu ", StringComparison.Ordinal), text.IndexOf("</gpu>", StringComparison.Ordinal) + 6 - text.IndexOf("<gpu ", StringComparison.Ordinal)))
            : text + "\n" + text);
        Assert.True(once.Total > 0);
        Assert.Equal(once.Total, twice.Total);
        Assert.Contains(twice.Warnings, w => w.Contains("listed again"));
    }

    [Theory]
    [InlineData("gpu:a100:-2", ErrorIds.InvalidGpuCount)]
    [InlineData("gpu:a100:two", ErrorIds.InvalidInventoryData)]
    public void SlurmNegativeOrNonNumericCountsAreErrors(string gres, string id)
    {
        var read = InventoryRead.Text($"NodeName=a Gres={gres}\nNodeName=b Gres=gpu:a100:4\n", InventoryFormat.SlurmScontrol);
        Assert.Equal(4, read.Total);
        Assert.Equal(id, Assert.Single(read.Problems).ErrorId);
    }

    [Theory]
    [InlineData("Model,Count\nA100,\"8,5\"\nH100,4\n")]
    [InlineData("Model;Count\nA100;8,0\nH100;4\n")]
    [InlineData("Model,Count\nA100,1.000\nH100,4\n")]
    public void ADecimalCommaIsNeverReadAsTenTimesTheCount(string csv)
    {
        var read = InventoryRead.Text(csv);
        Assert.Equal(4, read.Total);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(ErrorIds.InvalidGpuCount, problem.ErrorId);
        Assert.Equal(2, problem.Location!.Line);
    }

    [Theory]
    [InlineData("1,024", 1024)]
    [InlineData("10,000,000", 10_000_000)]
    [InlineData("0", 0)]
    [InlineData(" 8 ", 8)]
    [InlineData("8.0", 8)]
    public void ThousandsGroupsAndWholeNumbersAreCounts(string text, double expected)
    {
        Assert.True(GpuCount.TryParse(text, out var count, out var problem), problem?.Message);
        Assert.Equal(expected, count);
        Assert.True(GpuCount.TryParse(Encoding.UTF8.GetBytes(text), out count, out _));
        Assert.Equal(expected, count);
    }

    [Theory]
    [InlineData(8.5)]
    [InlineData(1e300)]
    [InlineData(20_000_000)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void TypedValuesFollowTheSameRuleAsText(double value)
    {
        Assert.False(GpuCount.TryFromValue(value, out _, out var fromDouble));
        Assert.False(GpuCount.TryFromValue(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), out _, out var fromText));
        Assert.Equal(ErrorIds.InvalidGpuCount, fromDouble!.ErrorId);
        Assert.Equal(ErrorIds.InvalidGpuCount, fromText!.ErrorId);
        if (value == 20_000_000) Assert.False(GpuCount.TryFromValue(20_000_000, out _, out _));
        Assert.False(GpuCount.TryFromValue(null, out _, out var missing));
        Assert.Equal(ErrorIds.MissingGpuCount, missing!.ErrorId);
    }

    [Fact]
    public void TheBulkScanAppliesTheSameCeilingAsTheImport()
    {
        var path = TempFile("Model,Count\nA100-SXM4-80GB,99999999\nA100-SXM4-80GB,8\n");
        try
        {
            var sink = new ListSink();
            var problems = sink.Problems;
            var scanned = new CsvFleetScanner(GpuCatalog.Embedded, new InventoryOptions()).Scan(path, "f.csv", sink);
            Assert.Equal(8, Assert.Single(scanned).Units);
            Assert.Equal(ErrorIds.InvalidGpuCount, Assert.Single(problems).ErrorId);
            Assert.Equal(2, problems[0].Location!.Line);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void AHugeNameIsRefusedAtOnceAndNeverEchoedWhole()
    {
        // A 50 KB name: the line is readable, the name is refused, the next row counts.
        var read = InventoryRead.Text($"Model,Count\nH100,1\n{new string('A', 50_000)},1\nH100,2\n");
        Assert.Equal(3, read.Total);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(ErrorIds.ValueTooLong, problem.ErrorId);
        Assert.Equal(3, problem.Location!.Line);
        Assert.True(problem.FullMessage.Length < 1000, $"{problem.FullMessage.Length} characters");

        // A 10 MB line: refused when met (a CSV reader cannot resynchronise past it); the rows before it count.
        var huge = InventoryRead.Text($"Model,Count\nH100,1\n{new string('A', 10_000_000)},1\nH100,2\n");
        Assert.Equal(1, huge.Total);
        Assert.Equal(ErrorIds.ValueTooLong, Assert.Single(huge.Problems).ErrorId);
        Assert.True(huge.Problems[0].FullMessage.Length < 1000);

        var resolver = GpuCatalog.Embedded.Resolver;
        Assert.Null(resolver.Resolve(new string('x', 10_000_000), out var tooLong));
        Assert.Equal(ErrorIds.ValueTooLong, tooLong!.ErrorId);
        Assert.True(tooLong.FullMessage.Length < 1000);
    }

    [Fact]
    public void NulBytesAndRandomBinaryAreNotText()
    {
        var nul = TempFile(new byte[1_000_000]);
        var random = new byte[100_000];
        new Random(9).NextBytes(random);
        var binary = TempFile(random);
        try
        {
            foreach (var path in new[] { nul, binary })
            {
                var ex = Assert.Throws<CapacityException>(() => new InventoryReader(GpuCatalog.Embedded, new InventoryOptions()).ReadFile(path, "x").ToList());
                Assert.Equal(ErrorIds.NotText, ex.Problem.ErrorId);
                var bulk = Assert.Throws<CapacityException>(() => new BulkFleetReader(GpuCatalog.Embedded, new InventoryOptions()).Read(path, "x", new ListSink()));
                Assert.Equal(ErrorIds.NotText, bulk.Problem.ErrorId);
            }
        }
        finally
        {
            File.Delete(nul);
            File.Delete(binary);
        }
    }

    [Fact]
    public void TerminalEscapesInAFileAreEscapedInMessages()
    {
        var read = InventoryRead.Text("Model,Count\n\u001b[31mEVIL\u0007,1\n");
        var problem = Assert.Single(read.Problems);
        Assert.DoesNotContain('\u001b', problem.FullMessage);
        Assert.DoesNotContain('\u0007', problem.FullMessage);
        Assert.Contains("\\e[31mEVIL", problem.FullMessage);
        Assert.Equal("\\e]0;x\\u0007", SafeText.Quote("\u001b]0;x\u0007"));
        Assert.Equal(SafeText.MaxQuoted, SafeText.Quote(new string('x', 5000)).IndexOf("...", StringComparison.Ordinal));
    }

    [Fact]
    public void UnclosedQuoteInAHugeCsvStopsWithAnErrorAndKeepsTheRowsBefore()
    {
        var csv = "Model,Count\nH100,4\n\"" + new string('x', 200_000) + "\n";
        var path = TempFile(csv);
        try
        {
            var read = InventoryRead.File(path);
            Assert.Equal(4, read.Total);
            Assert.Equal(ErrorIds.ValueTooLong, Assert.Single(read.Problems).ErrorId);
            var sink = new ListSink();
            var problems = sink.Problems;
            var scanned = new CsvFleetScanner(GpuCatalog.Embedded, new InventoryOptions()).Scan(path, "f.csv", sink);
            Assert.Equal(4, Assert.Single(scanned).Units);
            Assert.Equal(ErrorIds.ValueTooLong, Assert.Single(problems).ErrorId);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("utf-16LE-nobom")]
    [InlineData("utf-16BE-nobom")]
    [InlineData("utf-16LE-bom")]
    [InlineData("latin1")]
    public void EveryEncodingReadsTheSameOnEveryRoute(string kind)
    {
        var csv = "Host,Model,Count\nnode-é,NVIDIA H100 80GB HBM3,8\nnode-2,A100-SXM4-80GB,4\n";
        byte[] bytes = kind switch
        {
            "utf-16LE-nobom" => Encoding.Unicode.GetBytes(csv),
            "utf-16BE-nobom" => Encoding.BigEndianUnicode.GetBytes(csv),
            "utf-16LE-bom" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(csv)).ToArray(),
            _ => Encoding.GetEncoding(28591).GetBytes(csv),
        };
        var path = TempFile(bytes);
        try
        {
            var read = InventoryRead.File(path);
            Assert.Empty(read.Problems);
            Assert.Equal(12, read.Total);
            Assert.Equal("node-é", read.Items[0].Host);
            Assert.Equal(kind != "utf-16LE-bom", read.Warnings.Any(w => w.Contains("no byte order mark")));
            var sink = new ListSink();
            var bulk = new BulkFleetReader(GpuCatalog.Embedded, new InventoryOptions()).Read(path, "f.csv", sink);
            Assert.Empty(sink.Problems);
            Assert.Equal(12, bulk.Sum(m => m.Units));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void XmlEntitiesAreNeitherExpandedNorFetched()
    {
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
                     "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><nvidia_smi_log><gpu id=\"0\"><product_name>&lol3;</product_name></gpu></nvidia_smi_log>";
        var external = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><nvidia_smi_log><gpu id=\"0\"><product_name>&xxe;</product_name></gpu></nvidia_smi_log>";
        foreach (var xml in new[] { laughs, external })
        {
            var read = InventoryRead.Text(xml, InventoryFormat.NvidiaSmiXml);
            Assert.Equal(0, read.Total);
            Assert.NotEmpty(read.Problems);
            Assert.All(read.Problems, p => Assert.DoesNotContain("root:", p.FullMessage));
            Assert.All(read.Problems, p => Assert.DoesNotContain("lollollol", p.FullMessage));
        }
    }

    [Fact]
    public void AGdpFileWithNoEconomiesIsAnError()
    {
        var ex = Assert.Throws<CapacityException>(() => Gdp("iso3,country,year,indicator,value_usd,estimate_or_projection\nWLD,World,2024,NGDPD,110000000000000,actual\n"));
        Assert.Equal(ErrorIds.NoGdpEconomies, ex.Problem.ErrorId);
    }

    [Fact]
    public void ImplausibleGdpValuesAreErrorsPerRowAndUserFilesAreTheUsers()
    {
        var edition = Gdp("iso3,country,year,indicator,value_usd,estimate_or_projection\nPOL,Poland,2024,NGDPD,1e300,actual\nDEU,Germany,2024,NGDPD,4600000000000,actual\n");
        var problem = Assert.Single(edition.LoadProblems);
        Assert.Equal(ErrorIds.GdpValueOutOfRange, problem.ErrorId);
        Assert.Equal(2, problem.Location!.Line);
        Assert.Equal(GdpSource.Other, edition.Source);
        Assert.DoesNotContain("International Monetary Fund", edition.Attribution);
    }

    [Fact]
    public void AClassicWeoFileWithoutItsFooterWarns()
    {
        var header = "WEO Country Code\tISO\tWEO Subject Code\tCountry\tSubject Descriptor\tUnits\tScale\tEstimates Start After\t2023\t2024";
        var row = "964\tPOL\tNGDPD\tPoland\tGross domestic product, current prices\tU.S. dollars\tBillions\t2023\t811.229\t914.553";
        var cut = Gdp(header + "\n" + row + "\n");
        Assert.Contains(cut.LoadWarnings, w => w.Contains("cut short"));
        var whole = Gdp(header + "\n" + row + "\n\nInternational Monetary Fund, World Economic Outlook Database, October 2025\n");
        Assert.DoesNotContain(whole.LoadWarnings, w => w.Contains("cut short"));
    }

    [Theory]
    [InlineData("$-5B", ErrorIds.AmountNotPositive)]
    [InlineData("-5B", ErrorIds.AmountNotPositive)]
    [InlineData("USD −5 bn", ErrorIds.AmountNotPositive)]
    [InlineData("1e308", ErrorIds.InvalidAmount)]
    [InlineData("$2000 trillion", ErrorIds.InvalidAmount)]
    public void BadAmountsSayWhatIsWrong(string text, string id)
    {
        Assert.Null(AmountParser.Parse(text, null, out var problem));
        Assert.Equal(id, problem!.ErrorId);
    }

    [Fact]
    public void AnAmountBelowEveryEconomyIsNotRankedPastTheEnd()
    {
        var edition = GdpLibrary.Embedded.Find(GdpLibrary.DefaultEdition)!;
        var comparison = MarketComparer.Compare(edition, edition.GetYear(2024)!, AmountParser.Parse("$1", null, out _)!, "tiny", 0).First();
        Assert.Equal(comparison.EconomiesRanked + 1, comparison.Rank);
        Assert.Contains("below all", comparison.ToString());
    }

    private static GdpEdition Gdp(string text) => GdpFileReader.Read(Encoding.UTF8.GetBytes(text), "user.csv", "Test", EconomyDirectory.Embedded);

    private static string TempFile(string text) => TempFile(Encoding.UTF8.GetBytes(text));

    private static string TempFile(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"capacitytools-hostile-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
