namespace CapacityTools.Core.Economy;

/// <summary>Who published an edition of GDP figures.</summary>
public enum GdpSource
{
    /// <summary>International Monetary Fund, World Economic Outlook (NGDPD).</summary>
    Imf,
    /// <summary>World Bank, World Development Indicators (NY.GDP.MKTP.CD).</summary>
    WorldBank,
    /// <summary>A user's file that names neither indicator.</summary>
    Other,
}
