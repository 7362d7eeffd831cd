using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CapacityTools.Core.Telemetry;

namespace CapacityTools.Core.Tests.Telemetry;

/// <summary>
/// The client's reading of answers: real API responses (Data/telemetry/prometheus, from public repos) and the error
/// envelopes Prometheus documents, served by a local HTTP endpoint. The real server is exercised by the Pester tests.
/// </summary>
public sealed class PrometheusClientTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _port;
    private int _status = 200;
    private string _body = "";
    private string? _lastPath;
    private string? _lastAuthorization;

    public PrometheusClientTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
        _ = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); } catch (Exception) { return; }
            _lastPath = context.Request.Url!.AbsolutePath;
            _lastAuthorization = context.Request.Headers["Authorization"];
            var bytes = Encoding.UTF8.GetBytes(_body);
            context.Response.StatusCode = _status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();

    private PrometheusClient Client(string path = "", Action<PrometheusOptions>? configure = null)
    {
        var options = new PrometheusOptions(new Uri($"http://127.0.0.1:{_port}{path}"));
        configure?.Invoke(options);
        return new PrometheusClient(options);
    }

    private static string Sample(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "telemetry", "prometheus", file));

    [Fact]
    public void ReadsVictoriaMetricsAnswersUnderAPathPrefix()
    {
        _body = Sample("ericsson-victoriametrics-query-DCGM_FI_DEV_PCIE_REPLAY_COUNTER.json");
        using var client = Client("/select/0/prometheus/");
        var answer = client.Query("DCGM_FI_DEV_PCIE_REPLAY_COUNTER");
        Assert.Equal("/select/0/prometheus/api/v1/query", _lastPath);
        var series = Assert.Single(answer.Series);
        Assert.Equal("cp-bm14r7", series.Label("Hostname"));
        Assert.Equal("Tesla T4", series.Label("modelName"));
        Assert.Equal(0, series.Value);
        Assert.Equal(1, client.SeriesReceived);
    }

    [Fact]
    public void APartialVictoriaMetricsAnswerIsAWarning()
    {
        _body = Sample("ericsson-victoriametrics-query-DCGM_FI_DEV_PCIE_REPLAY_COUNTER.json").Replace("\"isPartial\": false", "\"isPartial\": true");
        using var client = Client("/select/0/prometheus");
        var answer = client.Query("x");
        Assert.Single(answer.Series);
        Assert.Contains("partial", Assert.Single(answer.Warnings));
    }

    [Fact]
    public void ReadsAPlainPrometheusAnswerAndAnEmptyOne()
    {
        _body = Sample("upcloud-query-DCGM_FI_DEV_GPU_TEMP.json");
        using var client = Client();
        Assert.Equal(32, Assert.Single(client.Query("DCGM_FI_DEV_GPU_TEMP").Series).Value);
        _body = Sample("kops-query-empty-result.json");
        Assert.Empty(client.Query("x").Series);
    }

    [Fact]
    public void ReadsNaNAndInfinityValues()
    {
        _body = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"1"},"value":[1,"NaN"]},{"metric":{"a":"2"},"value":[1,"+Inf"]}]},"warnings":["partial"]}""";
        using var client = Client();
        var answer = client.Query("x");
        Assert.True(double.IsNaN(answer.Series[0].Value));
        Assert.True(double.IsPositiveInfinity(answer.Series[1].Value));
        Assert.Equal("partial", Assert.Single(answer.Warnings));
    }

    [Theory]
    [InlineData(400, "bad_data", "PrometheusBadQuery", ProblemKind.InvalidArgument, "-Selector")]
    [InlineData(422, "execution", "PrometheusQueryFailed", ProblemKind.NotAvailable, "--query.max-samples")]
    [InlineData(503, "timeout", "PrometheusUnavailable", ProblemKind.Timeout, "retry later")]
    [InlineData(401, "", "PrometheusUnauthorized", ProblemKind.PermissionDenied, "-Credential")]
    [InlineData(403, "", "PrometheusForbidden", ProblemKind.PermissionDenied, "read access")]
    [InlineData(502, "", "PrometheusHttpError", ProblemKind.ConnectionError, "proxy")]
    public void ErrorEnvelopesBecomeProblemsWithTheUriAndWhatToDo(int status, string errorType, string id, ProblemKind kind, string action)
    {
        _status = status;
        _body = errorType.Length > 0 ? $$"""{"status":"error","errorType":"{{errorType}}","error":"something went wrong"}""" : "<html>denied</html>";
        using var client = Client("", o => o.Credential = new NetworkCredential("admin", "hunter2-secret"));
        var ex = Assert.Throws<CapacityException>(() => client.Query("x"));
        Assert.Equal(id, ex.Problem.ErrorId);
        Assert.Equal(kind, ex.Problem.Kind);
        Assert.Contains($"127.0.0.1:{_port}", ex.Problem.Message);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Problem.Message);
        if (errorType.Length > 0) Assert.Contains(errorType, ex.Problem.Message);
        Assert.Contains(action, ex.Problem.RecommendedAction, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", ex.Problem.FullMessage);
        Assert.StartsWith("Basic ", _lastAuthorization);
    }

    [Fact]
    public void AnAnswerThatIsNotTheApiIsAClearError()
    {
        _body = "<html>login page</html>";
        using var client = Client();
        var ex = Assert.Throws<CapacityException>(() => client.Query("x"));
        Assert.Equal("PrometheusInvalidAnswer", ex.Problem.ErrorId);
    }

    [Fact]
    public void CredentialsInTheUriAreUsedButNeverShown()
    {
        _status = 401;
        _body = """{"status":"error","errorType":"unauthorized","error":"no"}""";
        using var client = Client("", null);
        var options = new PrometheusOptions(new Uri($"http://user:pa55word@127.0.0.1:{_port}/"));
        using var withUserInfo = new PrometheusClient(options);
        var ex = Assert.Throws<CapacityException>(() => withUserInfo.Query("x"));
        Assert.DoesNotContain("pa55word", ex.Problem.FullMessage);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:pa55word")), _lastAuthorization);
        Assert.True(options.SendsSecretsInClear);
        Assert.DoesNotContain("pa55word", options.DisplayUri);
    }

    [Theory]
    [InlineData("{cluster=\"train-a\"}", ", cluster=\"train-a\"")]
    [InlineData("{ cluster=\"a\", zone=~\"eu-.*\", }", ", cluster=\"a\", zone=~\"eu-.*\"")]
    [InlineData("{}", "")]
    [InlineData("{note=\"a{b}\"}", ", note=\"a{b}\"")]
    public void SelectorsAreAddedToEverySeries(string selector, string expected)
    {
        var query = new DcgmQuery(selector);
        Assert.Equal("{__name__=~\"DCGM_FI_DEV_SM_CLOCK|dcgm_fi_dev_sm_clock\"" + expected + ", modelName!=\"\"}", query.Series("DEV_SM_CLOCK"));
    }

    [Theory]
    [InlineData("up{job=\"x\"}")]
    [InlineData("cluster=\"a\"")]
    [InlineData("{cluster=\"a\"")]
    public void ASelectorThatIsNotALabelMatcherIsRefused(string selector) =>
        Assert.Equal("InvalidSelector", Assert.Throws<CapacityException>(() => new DcgmQuery(selector)).Problem.ErrorId);
}
