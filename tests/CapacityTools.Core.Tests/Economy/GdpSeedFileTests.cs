using System.Security.Cryptography;
using CapacityTools.Core.Data;

namespace CapacityTools.Core.Tests.Economy;

/// <summary>The GDP tables are embedded byte for byte as ../shared/data/gdp/SOURCE.md lists them (CRLF of the WB file included).</summary>
public class GdpSeedFileTests
{
    [Theory]
    [InlineData("gdp-imf-weo-2025-10.csv", "bb151a5a73032fed7487942064b5e3eca4f3b0b1bb2963fc8dd37e6084390eb7")]
    [InlineData("gdp-imf-weo-2025-10-aggregates.csv", "896aa898f0d9ce2ca040d1fccaf4e5e48e41716a7d1103dc0591383d1e09d602")]
    [InlineData("gdp-imf-weo-2025-04.csv", "982e015a4671a157fe0e34c8592e6ec1506ea9a653a9f12ae0fe365167784105")]
    [InlineData("gdp-imf-weo-2025-04-aggregates.csv", "b20e8caec798e5847fdb7e3ecbd87f0f89168ecb1d31e6126341a72c27b84299")]
    [InlineData("gdp-imf-weo-2024-10.csv", "03442992b8fd9394172fb39a2a99551556444f80b39b067c6da01243e23c4b22")]
    [InlineData("gdp-imf-weo-2024-10-aggregates.csv", "6ba52be16b635adc08ac1b9d14a4c5e521e315fe28fec90f7b607854d7909086")]
    [InlineData("gdp-wb-wdi-2024-09.csv", "f0a8408195646dbb1a9d7fc4424e2d302ee5380d0ec8834793f12ca25cbd7e2c")]
    [InlineData("gdp-country-names.csv", "8ed2bf912afb460233c250839260762f54ef0231828bd83efdf95362cfa87ca9")]
    public void IsTheUpstreamFile(string seed, string sha256)
    {
        using var stream = EmbeddedData.Open(seed);
        using var sha = SHA256.Create();
        Assert.Equal(sha256, Convert.ToHexString(sha.ComputeHash(stream)).ToLowerInvariant());
    }
}
