BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
}

Describe 'Import-GpuPrice' {
    It 'adds prices for the session only and replaces embedded ones with the same key' {
        $run = Invoke-Isolated -Location (Join-Path $PSScriptRoot 'examples') -Script @'
$imported = Import-GpuPrice -Path ./my-prices.csv
[pscustomobject]@{
    Imported = $imported.Count
    Lambda = (Get-GpuPrice -Provider Lambda).PricePerGpuHour
    L4 = (Get-GpuPrice -Model L4 -Kind Purchase).Price
    Rent = ([pscustomobject]@{ Model = 'H100'; Count = 10 } | Measure-GpuFleet -RentProvider Lambda -WarningAction SilentlyContinue).AnnualRentCost
}
'@
        $run.Errors | Should -BeNullOrEmpty
        $run.Output[-1].Imported | Should -Be 2
        $run.Output[-1].Lambda | Should -Be 2.99
        $run.Output[-1].L4 | Should -Be 2500
        $run.Output[-1].Rent | Should -Be (10 * 2.99 * 8760)
        # This runspace did not see the import.
        Get-GpuPrice -Provider Lambda -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
    It 'skips bad rows with InvalidPriceRow errors and imports the rest' {
        $file = Join-Path $TestDrive 'bad.csv'
        "Model,Kind,PricePerGpuHour,Price,AsOf,Source,Provider,Region`nH100,Purchase,,30000,2025-01-01,quote,,`nH100,Purchase,,30000,,quote,,`nH100,OnDemand,2.5,,2025-01-01,quote,,`n" | Set-Content $file
        $run = Invoke-Isolated -Script "Import-GpuPrice -LiteralPath '$file' -WarningAction SilentlyContinue"
        $run.Output.Count | Should -Be 1
        $run.Errors.Count | Should -Be 2
        $run.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'InvalidPriceRow,CapacityTools.PowerShell.ImportGpuPriceCommand' }
        $run.Errors[0].ToString() | Should -Match 'bad.csv:3: AsOf is empty'
    }
    It 'says which column a file lacks, and that a path does not exist' {
        $file = Join-Path $TestDrive 'nosource.csv'
        "Model,Kind,Price,AsOf`nH100,Purchase,1,2025`n" | Set-Content $file
        $run = Invoke-Isolated -Script "Import-GpuPrice -LiteralPath '$file'; Import-GpuPrice -Path '$TestDrive/none*.csv'"
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'PriceFileInvalid,CapacityTools.PowerShell.ImportGpuPriceCommand'
        $run.Errors[0].ToString() | Should -Match "no 'Source' column"
        $run.Errors[1].FullyQualifiedErrorId | Should -Be 'PathNotFound,CapacityTools.PowerShell.ImportGpuPriceCommand'
    }
}
