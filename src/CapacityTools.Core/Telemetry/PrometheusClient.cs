using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;

namespace CapacityTools.Core.Telemetry;

/// <summary>
/// Asks a Prometheus-compatible HTTP API for instant queries (<c>POST /api/v1/query</c>, form-encoded, so long
/// PromQL fits). Every failure becomes a <see cref="CapacityException"/> whose problem names the URI (never the
/// credentials) and the HTTP status, and says what to do. Members that Prometheus does not define (VictoriaMetrics'
/// <c>isPartial</c> and <c>stats</c>) are ignored. One instance per operation; not thread-safe.
/// </summary>
public sealed class PrometheusClient : IDisposable
{
    private readonly PrometheusOptions _options;
    private readonly HttpClient _http;
    private readonly Uri _queryUri;

    public PrometheusClient(PrometheusOptions options)
    {
        _options = options;
        var handler = new HttpClientHandler { AllowAutoRedirect = true };
        try
        {
            if (options.SkipCertificateCheck) handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        }
        catch (PlatformNotSupportedException)
        {
            // .NET Framework before 4.7.1 (Windows PowerShell 5.1 on an old Windows) has no per-client certificate callback.
            handler.Dispose();
            throw Fail(ErrorIds.PrometheusTlsFailure, ProblemKind.InvalidArgument, "-SkipCertificateCheck needs .NET Framework 4.7.1 or later on Windows PowerShell.",
                "Install .NET Framework 4.8, use PowerShell 7, or trust the server's certificate authority instead.");
        }
        _http = new HttpClient(handler) { Timeout = options.Timeout };
        var root = options.Uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        _queryUri = new Uri(root + "/api/v1/query");
    }

    /// <summary>Called with each query before it is sent (for -Verbose); never carries credentials.</summary>
    public Action<string>? Log { get; set; }
    /// <summary>Series received by all queries so far.</summary>
    public long SeriesReceived { get; private set; }
    /// <summary>Bytes of answers received so far.</summary>
    public long BytesReceived { get; private set; }
    /// <summary>Queries sent so far.</summary>
    public int Queries { get; private set; }

    /// <summary>An instant query; <paramref name="time"/> null means the server's now.</summary>
    /// <exception cref="CapacityException">The server cannot be reached or refused the query.</exception>
    public PrometheusAnswer Query(string promql, DateTimeOffset? time = null, CancellationToken token = default)
    {
        var form = new List<KeyValuePair<string, string>> { new("query", promql) };
        if (time is { } t) form.Add(new("time", UnixSeconds(t)));
        Log?.Invoke($"POST {Display(_queryUri)} query={promql}{(time is { } at ? " time=" + UnixSeconds(at) : "")}");
        using var request = new HttpRequestMessage(HttpMethod.Post, _queryUri) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Authorize(request);
        Queries++;
        byte[] body;
        HttpStatusCode status;
        string? contentType;
        try
        {
            using var response = _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).GetAwaiter().GetResult();
            status = response.StatusCode;
            contentType = response.Content.Headers.ContentType?.MediaType;
            body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw Fail(ErrorIds.PrometheusTimeout, ProblemKind.Timeout,
                $"{DisplayUri} did not answer within {_options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s.",
                "Raise -TimeoutSec, narrow -Selector or the time window, or check the server's load.");
        }
        catch (HttpRequestException ex)
        {
            throw Connection(ex);
        }
        BytesReceived += body.Length;
        return Parse(status, contentType, body);
    }

    private void Authorize(HttpRequestMessage request)
    {
        foreach (var header in _options.Headers)
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
                throw Fail(ErrorIds.InvalidHeader, ProblemKind.InvalidArgument, $"The header '{header.Key}' cannot be sent with a request.", "Give request headers only in -Header.");
        if (_options.Credential is { } credential)
        {
            var pair = Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Password);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
            Array.Clear(pair, 0, pair.Length);
        }
        else if (_options.BearerToken is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", new NetworkCredential("", token).Password);
        }
        else if (_options.Uri.UserInfo.Length > 0)
        {
            var pair = Uri.UnescapeDataString(_options.Uri.UserInfo);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
    }

    private PrometheusAnswer Parse(HttpStatusCode status, string? contentType, byte[] body)
    {
        var code = (int)status;
        JsonDocument? json = null;
        try
        {
            if (body.Length > 0 && body[0] is (byte)'{' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
                json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            json = null;
        }
        using (json)
        {
            var root = json?.RootElement;
            var apiStatus = root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (apiStatus == "error" || code >= 300 || apiStatus is null) throw Refused(code, root, contentType);
            if (apiStatus != "success") throw Invalid($"the answer's status is '{apiStatus}', not 'success' or 'error'.");
            var data = root!.Value.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : throw Invalid("the answer has no 'data' object.");
            var type = data.TryGetProperty("resultType", out var t) ? t.GetString() : null;
            var warnings = root.Value.TryGetProperty("warnings", out var w) && w.ValueKind == JsonValueKind.Array
                ? w.EnumerateArray().Select(x => x.ToString()).ToList() : [];
            // VictoriaMetrics (and Thanos with partial response on) may answer without some storage nodes.
            if (root.Value.TryGetProperty("isPartial", out var partial) && partial.ValueKind == JsonValueKind.True)
                warnings.Add("the answer is partial (isPartial: some storage nodes did not answer), so counts may be too low; retry, or ask the server's admin.");
            var series = new List<PrometheusSeries>();
            if (!data.TryGetProperty("result", out var result)) throw Invalid("the answer has no 'result'.");
            switch (type)
            {
                case "vector" when result.ValueKind == JsonValueKind.Array:
                    foreach (var element in result.EnumerateArray())
                    {
                        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
                        if (element.TryGetProperty("metric", out var metric) && metric.ValueKind == JsonValueKind.Object)
                            foreach (var label in metric.EnumerateObject()) labels[label.Name] = label.Value.GetString() ?? "";
                        series.Add(new PrometheusSeries(labels, Sample(element.TryGetProperty("value", out var v) ? v : default)));
                    }
                    break;
                case "scalar":
                    series.Add(new PrometheusSeries(new Dictionary<string, string>(), Sample(result)));
                    break;
                default:
                    throw Invalid($"the answer is a '{type}', not an instant vector.");
            }
            SeriesReceived += series.Count;
            return new PrometheusAnswer(series, warnings);
        }
    }

    /// <summary>[ &lt;unix seconds, float or integer&gt;, "&lt;value as string&gt;" ]</summary>
    private double Sample(JsonElement pair)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 || pair[1].ValueKind != JsonValueKind.String
            || !ExpositionParser.TryParseValue(pair[1].GetString()!, out var value))
            throw Invalid($"a sample is {(pair.ValueKind == JsonValueKind.Undefined ? "missing" : pair.ToString())}, not [time, \"value\"].");
        return value;
    }

    private CapacityException Refused(int code, JsonElement? root, string? contentType)
    {
        string? Member(string name) => root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(name, out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        var errorType = Member("errorType");
        var error = Member("error");
        var said = error is null ? "" : $": {errorType}: {error}";
        return code switch
        {
            401 => Fail(ErrorIds.PrometheusUnauthorized, ProblemKind.PermissionDenied, $"{DisplayUri} answered 401 Unauthorized{said}.",
                "Give -Credential (basic auth) or -BearerToken with credentials the server accepts."),
            403 => Fail(ErrorIds.PrometheusForbidden, ProblemKind.PermissionDenied, $"{DisplayUri} answered 403 Forbidden{said}.",
                "The credentials were accepted but may not query this API (or tenant); ask the server's admin for read access."),
            404 => Fail(ErrorIds.PrometheusNotFound, ProblemKind.NotFound, $"{Display(_queryUri)} answered 404 Not Found: there is no Prometheus API there.",
                "Give the API root, with its path prefix if it has one (e.g. https://host/select/0/prometheus), without /api/v1."),
            400 => Fail(ErrorIds.PrometheusBadQuery, ProblemKind.InvalidArgument, $"{DisplayUri} refused the query (400{said}).",
                "Check -Selector: it must be a label matcher such as {cluster=\"train-a\"}."),
            422 => Fail(ErrorIds.PrometheusQueryFailed, ProblemKind.NotAvailable, $"{DisplayUri} could not run the query (422{said}).",
                "Narrow -Selector or the time window, or raise the server's limits (e.g. --query.max-samples)."),
            503 => Fail(ErrorIds.PrometheusUnavailable, ProblemKind.Timeout, $"{DisplayUri} answered 503 Service Unavailable{said}.",
                "The query timed out or was cancelled on the server: retry later, narrow -Selector or the time window, or raise the server's --query.timeout."),
            >= 300 => Fail(ErrorIds.PrometheusHttpError, ProblemKind.ConnectionError,
                $"{DisplayUri} answered HTTP {code}{(said.Length > 0 ? said : contentType is null ? "" : $" ({contentType})")}.",
                "Check the URI, and any proxy between you and the server."),
            _ when errorType is not null => Fail(ErrorIds.PrometheusQueryFailed, ProblemKind.NotAvailable, $"{DisplayUri} could not run the query{said}.",
                "Narrow -Selector or the time window."),
            _ => Invalid($"the answer is not the JSON of the Prometheus API ({contentType ?? "no content type"})."),
        };
    }

    private CapacityException Connection(HttpRequestException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException)
                return Fail(ErrorIds.PrometheusTlsFailure, ProblemKind.ConnectionError, $"The TLS connection to {DisplayUri} failed: {e.Message}",
                    "Trust the server's certificate authority, or use -SkipCertificateCheck for a server you trust that has a self-signed certificate.");
        }
        var inner = ex.InnerException?.Message ?? ex.Message;
        if (inner.IndexOf("SSL", StringComparison.OrdinalIgnoreCase) >= 0 || inner.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0)
            return Fail(ErrorIds.PrometheusTlsFailure, ProblemKind.ConnectionError, $"The TLS connection to {DisplayUri} failed: {inner}",
                "Trust the server's certificate authority, or use -SkipCertificateCheck for a server you trust that has a self-signed certificate.");
        return Fail(ErrorIds.PrometheusUnreachable, ProblemKind.ConnectionError, $"Cannot connect to {DisplayUri}: {inner}",
            "Check the host name and port, that the server is running, and any proxy or firewall in between.");
    }

    private CapacityException Invalid(string why) =>
        Fail(ErrorIds.PrometheusInvalidAnswer, ProblemKind.InvalidData, $"{DisplayUri}: {why}",
            "Give the root of a Prometheus-compatible API (the URL before /api/v1), e.g. http://prometheus:9090.");

    private CapacityException Fail(string id, ProblemKind kind, string message, string action) =>
        new(new Problem(id, kind, message, DisplayUri, recommendedAction: action));

    private string DisplayUri => _options.DisplayUri;

    private static string Display(Uri uri) => PrometheusOptions.Display(uri);

    internal static string UnixSeconds(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    public void Dispose() => _http.Dispose();
}

/// <summary>The series of an instant query and the warnings the server added.</summary>
public sealed class PrometheusAnswer
{
    public PrometheusAnswer(IReadOnlyList<PrometheusSeries> series, IReadOnlyList<string> warnings)
    {
        Series = series;
        Warnings = warnings;
    }

    public IReadOnlyList<PrometheusSeries> Series { get; }
    public IReadOnlyList<string> Warnings { get; }
}
