namespace CapacityTools.Core.Economy;

/// <summary>
/// An economy or a country group, identified by its ISO3-style key (the IMF's G-codes for groups).
/// Editions join on <see cref="Iso3"/>, never on names, since names change between editions.
/// </summary>
public sealed class Economy
{
    public Economy(string iso3, string name, bool isAggregate, IReadOnlyList<string> codes, IReadOnlyList<string> names)
    {
        Iso3 = iso3;
        Name = name;
        IsAggregate = isAggregate;
        Codes = codes;
        Names = names;
    }

    /// <summary>The key: ISO 3166 alpha-3 (XKX for Kosovo, PSE for West Bank and Gaza) or the IMF group code (G001 World).</summary>
    public string Iso3 { get; }

    /// <summary>The display name: the IMF's short name where it has one, else the World Bank's.</summary>
    public string Name { get; }

    /// <summary>True for country groups (World, EU, income groups); they are never ranked.</summary>
    public bool IsAggregate { get; }

    /// <summary>Every code the economy goes by: ISO3, IMF code, IMF numeric WEO code, World Bank code, and aliases such as UVK.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Every name it goes by in the editions and the alias list.</summary>
    public IReadOnlyList<string> Names { get; }

    public override string ToString() => Name;
}
