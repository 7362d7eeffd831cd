using System.IO;
using CapacityTools.Core.Inventory;
using CapacityTools.Core.Telemetry;
using CapacityTools.Core.Tests.Inventory;

namespace CapacityTools.Core.Tests.Telemetry;

public class ExpositionParserTests
{
    private static ExpositionSample Parse(string line)
    {
        var parser = new ExpositionParser(new StringReader(line));
        var sample = new ExpositionSample();
        Assert.True(parser.Next(sample, out var malformed));
        Assert.False(malformed, parser.Error);
        return sample;
    }

    [Fact]
    public void ReadsEscapedLabelValuesAndTimestamps()
    {
        var s = Parse("dcgm_fi_dev_sm_clock { uuid = \"GPU-1\", path=\"C:\\\\dir\\\\x\",quote=\"say \\\"hi\\\"\\nbye\", } 1.5e3 1712345678901");
        Assert.Equal("dcgm_fi_dev_sm_clock", s.Name);
        Assert.Equal("GPU-1", s.Label("uuid"));
        Assert.Equal("C:\\dir\\x", s.Label("path"));
        Assert.Equal("say \"hi\"\nbye", s.Label("quote"));
        Assert.Equal(1500, s.Value);
        Assert.Equal(1712345678901, s.TimestampMs);
    }

    [Theory]
    [InlineData("m NaN", double.NaN)]
    [InlineData("m +Inf", double.PositiveInfinity)]
    [InlineData("m -Inf", double.NegativeInfinity)]
    [InlineData("m{} 409.692000", 409.692)]
    public void ReadsGoFloats(string line, double expected) => Assert.Equal(expected, Parse(line).Value);

    [Theory]
    [InlineData("m{a=\"x} 1", "not closed")]
    [InlineData("m{a=x} 1", "double quotes")]
    [InlineData("m{a=\"x\"}", "no value")]
    [InlineData("m{a=\"x\"} one", "not a number")]
    [InlineData("m 1 12.5", "timestamp")]
    [InlineData("9m 1", "metric name")]
    public void RefusesMalformedLines(string line, string why)
    {
        var parser = new ExpositionParser(new StringReader("# HELP m a help line\n# TYPE m gauge\n\n" + line));
        Assert.True(parser.Next(new ExpositionSample(), out var malformed));
        Assert.True(malformed);
        Assert.Contains(why, parser.Error);
        Assert.Equal(4, parser.Line);
    }
}

public class DcgmExporterReaderTests
{
    private static InventoryRead Sample(string file) => InventoryRead.File(Path.Combine("..", "telemetry", "dcgm", file));

    [Theory]
    [InlineData("l4-aws-kops-conformance.txt")]
    [InlineData("t4-aws-rafay-conformance.txt")]
    [InlineData("a100-mig-nvidia-docs.txt")]
    [InlineData("titanv-k8s-empty-pod-labels-issue58.txt")]
    [InlineData("gpu-k8s-empty-pod-labels-no-modelname-gmt138.txt")]
    [InlineData("vgpu-grid-a100-10c-vks-conformance.txt")]
    public void DetectsEveryRealScrape(string file) =>
        Assert.Equal(InventoryFormat.DcgmExporter, InventoryFormatDetector.Detect(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "telemetry", "dcgm", file))));

    [Fact]
    public void TwoScrapesInOneFileCountTheGpuOnce()
    {
        var read = Sample("l4-aws-kops-conformance.txt");
        Assert.Empty(read.Problems);
        Assert.Empty(read.Warnings);
        var item = Assert.Single(read.Items);
        Assert.Equal("L4", item.Model);
        Assert.Equal("NVIDIA L4", item.RawName);
        Assert.Equal("i-030791dc5a37cd257", item.Host);
        Assert.Equal(1, item.Count);
        Assert.Equal(0, item.MigSlices);
        Assert.Equal(InventoryFormat.DcgmExporter, item.Format);
        Assert.Equal(3, item.Source!.Line);
        // FB_FREE + FB_USED + FB_RESERVED + 1 MiB: nvidia-smi's total for an L4.
        Assert.Equal(23034, item.MemoryMiB);
    }

    [Fact]
    public void AVgpuProfileIsAShareOfItsGpu()
    {
        var read = Sample("vgpu-grid-a100-10c-vks-conformance.txt");
        var item = Assert.Single(read.Items);
        Assert.Equal("A100-SXM4-40GB", item.Model);
        Assert.Equal("GRID A100-10C", item.RawName);
        Assert.Equal(0.25, item.Count);
        Assert.Contains("vGPU profile", item.Note);
    }

    [Fact]
    public void AnExporterPodNameAsHostIsAWarning()
    {
        var read = Sample("titanv-k8s-empty-pod-labels-issue58.txt");
        Assert.Contains(read.Warnings, w => w.Contains("dcgm-exporter-lcxpl") && w.Contains("NODE_NAME"));
        var item = Assert.Single(read.Items);
        Assert.Equal(5, item.Count);
        Assert.Equal("TITAN-V", item.Model);
        Assert.Equal("dcgm-exporter-lcxpl", item.Host);
        Assert.Empty(read.Problems);
    }

    [Fact]
    public void AnUnknownModelKeepsItsCountWithAnError()
    {
        var read = InventoryRead.Text("DCGM_FI_DEV_SM_CLOCK{UUID=\"GPU-a\",modelName=\"NVIDIA Imaginary X900\",Hostname=\"h\"} 1\n"
            + "DCGM_FI_DEV_SM_CLOCK{UUID=\"GPU-b\",modelName=\"NVIDIA Imaginary X900\",Hostname=\"h\"} 1\n");
        var item = Assert.Single(read.Items);
        Assert.Null(item.Model);
        Assert.Equal(2, item.Count);
        Assert.Equal(ErrorIds.UnknownGpuModel, Assert.Single(read.Problems).ErrorId);
    }

    [Theory]
    [InlineData("a100-mig-nvidia-docs.txt", "GPU-34319582-d595-d1c7-d1d2-179bcfa61660", 1)]
    [InlineData("gpu-k8s-empty-pod-labels-no-modelname-gmt138.txt", "GPU-6bf47ca9-ad3e-15db-beed-1079a7d74116", 1)]
    public void ASeriesWithoutModelNameIsAnErrorNotAGuess(string file, string uuid, long line)
    {
        var read = Sample(file);
        Assert.Empty(read.Items);
        var problem = Assert.Single(read.Problems);
        Assert.Equal("DcgmModelNameMissing", problem.ErrorId);
        Assert.Contains("modelName", problem.Message);
        Assert.Contains(uuid, problem.Message);
        Assert.Equal(line, problem.Location!.Line);
        Assert.Contains(read.Warnings, w => w.Contains("skipped"));
    }

    [Fact]
    public void OldNamespaceLowercaseHostnameAndMigInstances()
    {
        const string text = """
            # HELP dcgm_fi_dev_sm_clock SM clock frequency (in MHz).
            # TYPE dcgm_fi_dev_sm_clock gauge
            dcgm_fi_dev_sm_clock{gpu="0",uuid="GPU-a",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",hostname="n1",pod_name=""} 1980
            dcgm_fi_dev_sm_clock{gpu="0",uuid="GPU-a",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",GPU_I_PROFILE="1g.10gb",GPU_I_ID="9",hostname="n1"} 1980
            dcgm_fi_dev_sm_clock{gpu="0",uuid="GPU-a",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",GPU_I_PROFILE="3g.40gb",GPU_I_ID="2",hostname="n1"} 1980 1712345678901
            dcgm_fi_prof_gr_engine_active{gpu="0",uuid="GPU-a",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",GPU_I_PROFILE="3g.40gb",GPU_I_ID="2",hostname="n1"} 0.5
            dcgm_fi_dev_sm_clock{gpu="1",uuid="GPU-b",device="nvidia1",modelName="NVIDIA-H100-80GB-HBM3",hostname="n1"} 1980
            dcgm_fi_dev_sm_clock{gpu="0",uuid="GPU-c",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",instance="10.0.0.7:9400"} 1980
            go_goroutines 12
            """;
        var read = InventoryRead.Text(text);
        Assert.Empty(read.Problems);
        Assert.Equal(2, read.Items.Count);
        var n1 = read.Items[0];
        Assert.Equal(("n1", "H100-SXM5-80GB", 2.0, 2), (n1.Host, n1.Model, n1.Count, n1.MigSlices));
        var byInstance = read.Items[1];
        Assert.Equal(("10.0.0.7", 1.0, 0), (byInstance.Host, byInstance.Count, byInstance.MigSlices));
    }

    [Fact]
    public void AMalformedLineIsAnErrorWithItsLineAndTheRestCounts()
    {
        var read = InventoryRead.Text("DCGM_FI_DEV_SM_CLOCK{UUID=\"GPU-a\",modelName=\"Tesla T4\",Hostname=\"h\"} 1\nDCGM_FI_DEV_SM_CLOCK{UUID=\"GPU-b\",modelName=\"Tesla T4\",Hostname=\"h\" 1\n",
            InventoryFormat.DcgmExporter);
        var problem = Assert.Single(read.Problems);
        Assert.Equal("InvalidInventoryData", problem.ErrorId);
        Assert.Equal(2, problem.Location!.Line);
        Assert.Equal(1, Assert.Single(read.Items).Count);
    }

    [Fact]
    public void AnOverlongLineIsRefusedUnreadAndTheNextLinesCount()
    {
        var text = "DCGM_FI_DEV_SM_CLOCK{UUID=\"GPU-a\",modelName=\"" + new string('x', InventoryReader.MaxLineLength + 10) + "\"} 1\r\n"
            + "DCGM_FI_DEV_SM_CLOCK{UUID=\"GPU-b\",modelName=\"Tesla T4\",Hostname=\"h\"} 1\r\n";
        var read = InventoryRead.Text(text, InventoryFormat.DcgmExporter);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(ErrorIds.ValueTooLong, problem.ErrorId);
        Assert.Equal(1, problem.Location!.Line);
        var item = Assert.Single(read.Items);
        Assert.Equal(("h", "T4", 1.0), (item.Host, item.Model, item.Count));
    }

    [Fact]
    public void NodeLabelsWinOverAnExporterPodHostname()
    {
        var read = InventoryRead.Text("DCGM_FI_DEV_SM_CLOCK{UUID=\"GPU-a\",modelName=\"Tesla T4\",Hostname=\"nvidia-dcgm-exporter-zxgzh\",kubernetes_node=\"gpu-node-3\"} 1\n");
        Assert.Empty(read.Warnings);
        Assert.Equal("gpu-node-3", Assert.Single(read.Items).Host);
    }
}
