namespace CapacityTools.Core;

/// <summary>
/// Every error id the module writes (the first part of an error's FullyQualifiedErrorId), in one place. Each is
/// documented in about_CapacityTools; a test keeps the two in step. Stable: scripts and tests match on them.
/// </summary>
public static class ErrorIds
{
    /// <summary>A catalog file lacks a required column (Id, Model).</summary>
    public const string MissingCatalogColumn = nameof(MissingCatalogColumn);
    /// <summary>A catalog file has a column the catalog does not know.</summary>
    public const string GpuCatalogUnknownColumn = nameof(GpuCatalogUnknownColumn);
    /// <summary>-ExchangeRate is not above zero.</summary>
    public const string InvalidExchangeRate = nameof(InvalidExchangeRate);
    /// <summary>-ExchangeRate was given for an amount already in US dollars.</summary>
    public const string ExchangeRateNotNeeded = nameof(ExchangeRateNotNeeded);
    /// <summary>The amount is empty.</summary>
    public const string EmptyAmount = nameof(EmptyAmount);
    /// <summary>An amount is zero or negative.</summary>
    public const string AmountNotPositive = nameof(AmountNotPositive);
    /// <summary>An aggregate (World, EU, …) was asked for without -IncludeAggregates.</summary>
    public const string AggregateNotIncluded = nameof(AggregateNotIncluded);
    /// <summary>A column named with -ModelColumn, -CountColumn or -HostColumn is not in the file.</summary>
    public const string ColumnNotFound = nameof(ColumnNotFound);
    /// <summary>The economy has no figure in the chosen GDP edition.</summary>
    public const string CountryNotInEdition = nameof(CountryNotInEdition);
    /// <summary>A GDP file gives two figures for the same economy and year.</summary>
    public const string DuplicateGdpValue = nameof(DuplicateGdpValue);
    /// <summary>A catalog file defines the same GPU id twice.</summary>
    public const string DuplicateGpuId = nameof(DuplicateGpuId);
    /// <summary>-Edition was given for more than one GDP file.</summary>
    public const string EditionNameForManyFiles = nameof(EditionNameForManyFiles);
    /// <summary>A file cannot be opened or read (missing permission, locked, an I/O error).</summary>
    public const string FileUnreadable = nameof(FileUnreadable);
    /// <summary>An imported GDP edition would replace an embedded one.</summary>
    public const string GdpEditionNameTaken = nameof(GdpEditionNameTaken);
    /// <summary>The GDP file's source does not match -Source.</summary>
    public const string GdpSourceMismatch = nameof(GdpSourceMismatch);
    /// <summary>An economy has no GDP figure for the year.</summary>
    public const string GdpValueMissing = nameof(GdpValueMissing);
    /// <summary>A file's content could not be read as its format at all (a parser gave up).</summary>
    public const string InvalidFileContent = nameof(InvalidFileContent);
    /// <summary>A GDP figure is not positive or is implausibly large (above ten times world GDP).</summary>
    public const string GdpValueOutOfRange = nameof(GdpValueOutOfRange);
    /// <summary>A GPU name fits catalog entries of different families (a bare "6000", "100"), so none is taken.</summary>
    public const string AmbiguousGpuModel = nameof(AmbiguousGpuModel);
    /// <summary>A Kubernetes node has GPUs but no label names their type.</summary>
    public const string GpuTypeMissing = nameof(GpuTypeMissing);
    /// <summary>A Slurm gres counts GPUs but names no type.</summary>
    public const string GresTypeMissing = nameof(GresTypeMissing);
    /// <summary>An amount is not positive, not finite or too large to be a market size.</summary>
    public const string InvalidAmount = nameof(InvalidAmount);
    /// <summary>A range of amounts is inverted or malformed.</summary>
    public const string InvalidAmountRange = nameof(InvalidAmountRange);
    /// <summary>A fleet assumption (PUE, utilisation, price) is out of range.</summary>
    public const string InvalidAssumption = nameof(InvalidAssumption);
    /// <summary>A row of a GDP file cannot be read.</summary>
    public const string InvalidGdpRow = nameof(InvalidGdpRow);
    /// <summary>A row of a catalog file cannot be read.</summary>
    public const string InvalidGpuCatalogRow = nameof(InvalidGpuCatalogRow);
    /// <summary>A GPU or instance count is not a whole number from 0 to 10,000,000 (negative, fractional, not finite, too large, or ambiguous decimal-comma text).</summary>
    public const string InvalidGpuCount = nameof(InvalidGpuCount);
    /// <summary>A row or block of an inventory file is malformed or truncated.</summary>
    public const string InvalidInventoryData = nameof(InvalidInventoryData);
    /// <summary>A CSV record has bad quoting or the wrong number of fields.</summary>
    public const string MalformedCsvRecord = nameof(MalformedCsvRecord);
    /// <summary>The chip has no figure for the chosen metric.</summary>
    public const string MetricNotAvailable = nameof(MetricNotAvailable);
    /// <summary>A MIG device does not say which GPU it is a slice of.</summary>
    public const string MigParentMissing = nameof(MigParentMissing);
    /// <summary>A row or object has a count column or property, but it is empty.</summary>
    public const string MissingGpuCount = nameof(MissingGpuCount);
    /// <summary>The GPU model is empty.</summary>
    public const string MissingGpuModel = nameof(MissingGpuModel);
    /// <summary>No column of a CSV names the GPU model.</summary>
    public const string ModelColumnNotFound = nameof(ModelColumnNotFound);
    /// <summary>An imported GDP file holds no economies.</summary>
    public const string NoGdpEconomies = nameof(NoGdpEconomies);
    /// <summary>No GDP edition matches the source asked for.</summary>
    public const string NoGdpEditionForSource = nameof(NoGdpEditionForSource);
    /// <summary>A GDP file has no nominal-GDP-in-USD indicator.</summary>
    public const string NoGdpIndicator = nameof(NoGdpIndicator);
    /// <summary>A GDP file holds no figures.</summary>
    public const string NoGdpValues = nameof(NoGdpValues);
    /// <summary>An amount is in a currency with no rate given.</summary>
    public const string NonUsdAmount = nameof(NonUsdAmount);
    /// <summary>A path is on a provider other than the file system.</summary>
    public const string NotAFileSystemPath = nameof(NotAFileSystemPath);
    /// <summary>A file is not text (NUL or control bytes, a device file), so it was not read.</summary>
    public const string NotText = nameof(NotText);
    /// <summary>A path matches no file.</summary>
    public const string PathNotFound = nameof(PathNotFound);
    /// <summary>A GPU name was cut short by the tool that printed it.</summary>
    public const string TruncatedGpuName = nameof(TruncatedGpuName);
    /// <summary>No economy has that name or code.</summary>
    public const string UnknownCountry = nameof(UnknownCountry);
    /// <summary>No GDP edition has that name.</summary>
    public const string UnknownGdpEdition = nameof(UnknownGdpEdition);
    /// <summary>A GDP file's layout is not one the module reads.</summary>
    public const string UnknownGdpLayout = nameof(UnknownGdpLayout);
    /// <summary>A GPU name matches no catalog entry.</summary>
    public const string UnknownGpuModel = nameof(UnknownGpuModel);
    /// <summary>A field, name or line is longer than any real one (4 KB for a name, 64 KB for a line), so it was refused unread.</summary>
    public const string ValueTooLong = nameof(ValueTooLong);
    /// <summary>The year is outside the GDP edition's range.</summary>
    public const string YearNotInEdition = nameof(YearNotInEdition);

    // Fleet telemetry (Prometheus, dcgm-exporter, vendor tools).
    /// <summary>-Credential and -BearerToken were both given.</summary>
    public const string ConflictingCredentials = nameof(ConflictingCredentials);
    /// <summary>-Last and -Start were both given to Get-GpuUsage.</summary>
    public const string ConflictingWindow = nameof(ConflictingWindow);
    /// <summary>dcgm-exporter series have no modelName label, so the GPU's type is unknown (old exporter).</summary>
    public const string DcgmModelNameMissing = nameof(DcgmModelNameMissing);
    /// <summary>dcgm-exporter series have no UUID label, so their GPUs cannot be told apart.</summary>
    public const string DcgmUuidMissing = nameof(DcgmUuidMissing);
    /// <summary>A vendor tool (nvidia-smi, amd-smi, rocm-smi) failed or printed nothing.</summary>
    public const string GpuToolFailed = nameof(GpuToolFailed);
    /// <summary>A -Header entry cannot be sent as a request header.</summary>
    public const string InvalidHeader = nameof(InvalidHeader);
    /// <summary>-PrometheusUri is not an http or https URL.</summary>
    public const string InvalidPrometheusUri = nameof(InvalidPrometheusUri);
    /// <summary>-Selector is not a label matcher in braces.</summary>
    public const string InvalidSelector = nameof(InvalidSelector);
    /// <summary>The time window is empty (-Start not before -End, or -Last not positive).</summary>
    public const string InvalidTimeWindow = nameof(InvalidTimeWindow);
    /// <summary>No vendor tool (nvidia-smi, amd-smi, rocm-smi) is on PATH.</summary>
    public const string NoGpuTool = nameof(NoGpuTool);
    /// <summary>-Format Prometheus was given for a file (it is a server).</summary>
    public const string NotAFileFormat = nameof(NotAFileFormat);
    /// <summary>The server refused a query (400 bad_data), usually because of -Selector.</summary>
    public const string PrometheusBadQuery = nameof(PrometheusBadQuery);
    /// <summary>The server answered 403 Forbidden.</summary>
    public const string PrometheusForbidden = nameof(PrometheusForbidden);
    /// <summary>The server or a proxy answered another HTTP error.</summary>
    public const string PrometheusHttpError = nameof(PrometheusHttpError);
    /// <summary>The answer is not the Prometheus API's JSON (a wrong URL or a login page).</summary>
    public const string PrometheusInvalidAnswer = nameof(PrometheusInvalidAnswer);
    /// <summary>There is no Prometheus API at the URL (404): check the path prefix.</summary>
    public const string PrometheusNotFound = nameof(PrometheusNotFound);
    /// <summary>The server could not run a query (422 execution).</summary>
    public const string PrometheusQueryFailed = nameof(PrometheusQueryFailed);
    /// <summary>The server did not answer within -TimeoutSec.</summary>
    public const string PrometheusTimeout = nameof(PrometheusTimeout);
    /// <summary>The TLS connection to the server failed (certificate or protocol).</summary>
    public const string PrometheusTlsFailure = nameof(PrometheusTlsFailure);
    /// <summary>The server answered 401 Unauthorized: missing or wrong credentials or token.</summary>
    public const string PrometheusUnauthorized = nameof(PrometheusUnauthorized);
    /// <summary>The server answered 503 (query timeout or cancelled).</summary>
    public const string PrometheusUnavailable = nameof(PrometheusUnavailable);
    /// <summary>The server cannot be reached (name, port, network).</summary>
    public const string PrometheusUnreachable = nameof(PrometheusUnreachable);
    // --- Compute and cost in perspective ---
    /// <summary>An embedded or given GPU clusters file lacks a column or has a malformed row.</summary>
    public const string ClusterFileInvalid = nameof(ClusterFileInvalid);
    /// <summary>An embedded or given chip sales file has a malformed row.</summary>
    public const string ChipSalesFileInvalid = nameof(ChipSalesFileInvalid);
    /// <summary>A price file lacks a required column (Model, Kind, AsOf, Source) or an embedded price row is malformed.</summary>
    public const string PriceFileInvalid = nameof(PriceFileInvalid);
    /// <summary>A row of a user's price file cannot be used (unknown kind, no positive price, no date, no source, no provider or region for a cloud price).</summary>
    public const string InvalidPriceRow = nameof(InvalidPriceRow);
    /// <summary>No price matches the model and filters asked for.</summary>
    public const string PriceNotFound = nameof(PriceNotFound);
    /// <summary>A figure of H100 equivalents on the pipeline is not a positive number.</summary>
    public const string InvalidEquivalents = nameof(InvalidEquivalents);

    // --- Claims and reports ---
    /// <summary>A claim row cannot be judged (unknown Kind, a Value that is not a number, an Includes that names no GPU count).</summary>
    public const string InvalidClaim = nameof(InvalidClaim);
    /// <summary>Test-CapacityClaim got a fleet summary but no requirement (-MinimumEquivalents, -MaximumFacilityPowerMW, ...).</summary>
    public const string NoRequirement = nameof(NoRequirement);
    /// <summary>The report's format cannot be told from the file extension (.html, .xlsx, .md) and -Format was not given.</summary>
    public const string UnknownReportFormat = nameof(UnknownReportFormat);
    /// <summary>The report file exists and -NoClobber was given, or it is read-only without -Force.</summary>
    public const string ReportFileExists = nameof(ReportFileExists);
    /// <summary>The report file could not be written (no permission, no such folder, a full disk).</summary>
    public const string ReportNotWritten = nameof(ReportNotWritten);
}
