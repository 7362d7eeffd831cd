namespace CapacityTools.Core.Economy;

/// <summary>The file layouts a GDP edition can be read from.</summary>
public enum GdpFileLayout
{
    /// <summary>CapacityTools' own tidy CSV: iso3, country, year, indicator, value_usd, estimate_or_projection (the embedded IMF tables).</summary>
    Tidy,
    /// <summary>World Bank long CSV as datahub.io publishes it: Country Name, Country Code, Year, Value (the embedded WDI table).</summary>
    WorldBankLong,
    /// <summary>World Bank bulk download: preamble lines, then Country Name, Country Code, Indicator Name, Indicator Code and one column per year.</summary>
    WorldBankBulk,
    /// <summary>IMF classic WEO "all" file (.xls that is really tab-separated text, UTF-16 or Latin-1), one column per year.</summary>
    ImfClassicWeo,
    /// <summary>IMF data.imf.org CSV export (October 2025 on): SERIES_CODE or COUNTRY.ID, SCALE, LATEST_ACTUAL_ANNUAL_DATA and one column per year.</summary>
    ImfDataPortal,
}
