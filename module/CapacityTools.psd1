@{
    RootModule             = 'CapacityTools.psm1'
    # Stamped by build.ps1 from Directory.Build.props, the one version source.
    ModuleVersion          = '0.0.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5c0f3a6e-8d2b-4c71-9a4e-2f6b1d7c9e30'
    Author                 = 'CapacityTools contributors'
    CompanyName            = 'CapacityTools'
    Copyright              = '(c) CapacityTools contributors. Embedded data: see NOTICE.'
    Description            = 'Capacity reporting for accelerator fleets and money in perspective: GPU equivalents under a named metric, PFLOPS, HBM, power and energy from CSV, nvidia-smi, Kubernetes, Slurm and AMD tool output; amounts placed among the world''s economies with embedded IMF and World Bank GDP data. Works offline.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('CapacityTools.Format.ps1xml')
    CmdletsToExport        = @(
        'Get-GpuSpec'
        'Resolve-GpuModel'
        'Get-GpuEquivalent'
        'Import-GpuCatalog'
        'Get-CountryGdp'
        'Compare-MarketToGdp'
        'Import-GdpData'
        'Import-GpuInventory'
        'ConvertFrom-GpuInventory'
        'Measure-GpuFleet'
        'Get-GpuInventory'
        'Get-GpuUsage'
        'Compare-FleetToCluster'
        'Get-GpuPrice'
        'Import-GpuPrice'
        'Test-CapacityClaim'
        'Export-CapacityReport'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('GPU', 'Capacity', 'Accelerator', 'H100', 'Datacenter', 'GDP', 'Reporting', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/capacitytools/CapacityTools'
            LicenseUri   = 'https://github.com/capacitytools/CapacityTools/blob/main/LICENSE'
            ReleaseNotes = 'See https://github.com/capacitytools/CapacityTools/blob/main/README.md'
        }
    }
}
