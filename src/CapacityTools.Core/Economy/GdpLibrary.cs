using CapacityTools.Core.Data;

namespace CapacityTools.Core.Economy;

/// <summary>
/// The GDP editions a session can use: the four embedded ones (each loaded once, lazily and
/// thread-safely, on first use) and any the user imported. Immutable; <see cref="With"/> makes a new
/// library, so one runspace's imports never show in another.
/// </summary>
public sealed class GdpLibrary
{
    /// <summary>The edition used when none is named: IMF WEO October 2025.</summary>
    public const string DefaultEdition = "WEO-2025-10";

    /// <summary>The World Bank edition, used for -Source WorldBank.</summary>
    public const string WorldBankEdition = "WDI-2024-09";

    private const string ImfAttribution = "Source: International Monetary Fund, World Economic Outlook Database, {0} (IMF.RES:WEO), https://data.imf.org/. (c) IMF. " +
        "Values converted from billions to US dollars and reshaped by CapacityTools; estimate/projection flags derived from the IMF's latest-actual-year metadata.";

    private const string WorldBankAttribution = "The World Bank: World Development Indicators, GDP (current US$) [NY.GDP.MKTP.CD]: World Bank national accounts data, " +
        "and OECD National Accounts data files. CC BY 4.0. Retrieved via datahub.io core/gdp; WDI update of 2024-09-19.";

    private static readonly Lazy<GdpLibrary> s_embedded = new(CreateEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly IReadOnlyList<Entry> _entries;

    private GdpLibrary(IReadOnlyList<Entry> entries) => _entries = entries;

    public static GdpLibrary Embedded => s_embedded.Value;

    /// <summary>Edition names, embedded first (newest IMF first), then imported ones in import order.</summary>
    public IEnumerable<string> Names => _entries.Select(e => e.Name);

    /// <summary>Name, publisher and title of every edition, without loading any.</summary>
    public IEnumerable<(string Name, GdpSource Source, string Title, bool Embedded)> Describe() =>
        _entries.Select(e => (e.Name, e.Source, e.Title, e.IsEmbedded));

    public bool IsEmbedded(string name) => _entries.Any(e => e.IsEmbedded && e.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The edition with this name (case-insensitive), loading it on first use; null if there is none.</summary>
    public GdpEdition? Find(string name) =>
        _entries.FirstOrDefault(e => e.Name.Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase))?.Edition.Value;

    /// <summary>
    /// The edition a command asked for: by name, else the default of a publisher, else WEO-2025-10.
    /// Fails with a Problem for an unknown name or a name and a publisher that disagree.
    /// </summary>
    public GdpEdition? Select(string? edition, GdpSource? source, out Problem? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(edition))
        {
            edition = source switch
            {
                null or GdpSource.Imf => DefaultEdition,
                GdpSource.WorldBank => WorldBankEdition,
                _ => _entries.LastOrDefault(e => e.Source == GdpSource.Other)?.Name,
            };
            if (edition is null)
            {
                problem = new Problem(ErrorIds.NoGdpEditionForSource, ProblemKind.InvalidArgument,
                    $"No edition comes from source {source}.", source, recommendedAction: $"Import one with Import-GdpData, or use -Edition ({string.Join(", ", Names)}).");
                return null;
            }
        }
        var entry = _entries.FirstOrDefault(e => e.Name.Equals(edition!.Trim(), StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            problem = new Problem(ErrorIds.UnknownGdpEdition, ProblemKind.InvalidArgument,
                $"There is no GDP edition '{edition}'. The editions are: {string.Join(", ", Names)}.", edition,
                recommendedAction: "Name one of them (tab completion lists them), or load your own with Import-GdpData.");
            return null;
        }
        if (source is not null && entry.Source != source)
        {
            problem = new Problem(ErrorIds.GdpSourceMismatch, ProblemKind.InvalidArgument,
                $"The edition {entry.Name} comes from {entry.Source}, not {source}.", edition,
                recommendedAction: "Give -Edition or -Source, not both.");
            return null;
        }
        return entry.Edition.Value;
    }

    /// <summary>A library with this (imported) edition added, replacing an imported one of the same name.</summary>
    /// <exception cref="CapacityException">The name is that of an embedded edition.</exception>
    public GdpLibrary With(GdpEdition edition)
    {
        if (IsEmbedded(edition.Name))
        {
            throw new CapacityException(new Problem(ErrorIds.GdpEditionNameTaken, ProblemKind.InvalidArgument,
                $"An embedded edition is already named {edition.Name}.", edition.Name,
                recommendedAction: $"Give the imported edition another name with -Edition (e.g. {edition.Name}-local)."));
        }
        var entries = _entries.Where(e => !e.Name.Equals(edition.Name, StringComparison.OrdinalIgnoreCase))
            .Append(new Entry(edition.Name, edition.Source, edition.Title, false, new Lazy<GdpEdition>(() => edition)))
            .ToList();
        return new GdpLibrary(entries);
    }

    /// <summary>A library without the imported edition named (or without every imported edition when null).</summary>
    /// <exception cref="CapacityException">The name is that of an embedded edition, or of no imported one.</exception>
    public GdpLibrary Without(string? importedEdition)
    {
        if (importedEdition is null) return new GdpLibrary(_entries.Where(e => e.IsEmbedded).ToList());
        var name = importedEdition.Trim();
        if (IsEmbedded(name))
        {
            throw new CapacityException(new Problem(ErrorIds.GdpEditionNameTaken, ProblemKind.InvalidArgument,
                $"{name} is an embedded edition; only imported editions can be dropped.", name,
                recommendedAction: "Give the name of an edition this session imported (see Get-CountryGdp -Edition and tab completion)."));
        }
        if (!_entries.Any(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new CapacityException(new Problem(ErrorIds.UnknownGdpEdition, ProblemKind.NotFound,
                $"No imported edition is named {name}.", name, recommendedAction: "Check the name with tab completion on -Edition."));
        }
        return new GdpLibrary(_entries.Where(e => !e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList());
    }

    private static GdpLibrary CreateEmbedded() => new(
    [
        Imf("WEO-2025-10", "October 2025", "gdp-imf-weo-2025-10"),
        Imf("WEO-2025-04", "April 2025", "gdp-imf-weo-2025-04"),
        Imf("WEO-2024-10", "October 2024", "gdp-imf-weo-2024-10"),
        new Entry(WorldBankEdition, GdpSource.WorldBank, "World Bank World Development Indicators, GDP (current US$), update of 2024-09-19", true,
            new Lazy<GdpEdition>(LoadWorldBank, LazyThreadSafetyMode.ExecutionAndPublication)),
    ]);

    private static Entry Imf(string name, string month, string file)
    {
        var title = $"IMF World Economic Outlook, {month}";
        return new Entry(name, GdpSource.Imf, title, true, new Lazy<GdpEdition>(() => LoadImf(name, title, month, file), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    private static GdpEdition LoadImf(string name, string title, string month, string file)
    {
        var builder = new GdpEditionBuilder(EconomyDirectory.Embedded);
        foreach (var part in new[] { $"{file}.csv", $"{file}-aggregates.csv" })
        {
            using var stream = EmbeddedData.Open(part);
            var (header, rows) = CsvRecords.Read(stream, part);
            TidyGdpReader.Read(header, rows, builder, part);
        }
        return builder.Build(new GdpEditionHeader
        {
            Name = name,
            Source = GdpSource.Imf,
            Title = title,
            Attribution = string.Format(System.Globalization.CultureInfo.InvariantCulture, ImfAttribution, month),
            Origin = "Embedded",
            Layout = GdpFileLayout.Tidy,
        });
    }

    private static GdpEdition LoadWorldBank()
    {
        var builder = new GdpEditionBuilder(EconomyDirectory.Embedded);
        const string file = "gdp-wb-wdi-2024-09.csv";
        using (var stream = EmbeddedData.Open(file)) WorldBankGdpReader.ReadLong(CsvRecords.Read(stream, file).Rows, builder);
        return builder.Build(new GdpEditionHeader
        {
            Name = WorldBankEdition,
            Source = GdpSource.WorldBank,
            Title = "World Bank World Development Indicators, GDP (current US$), update of 2024-09-19",
            Attribution = WorldBankAttribution,
            Origin = "Embedded",
            Layout = GdpFileLayout.WorldBankLong,
        });
    }

    private sealed class Entry(string name, GdpSource source, string title, bool isEmbedded, Lazy<GdpEdition> edition)
    {
        public string Name { get; } = name;
        public GdpSource Source { get; } = source;
        public string Title { get; } = title;
        public bool IsEmbedded { get; } = isEmbedded;
        public Lazy<GdpEdition> Edition { get; } = edition;
    }
}
