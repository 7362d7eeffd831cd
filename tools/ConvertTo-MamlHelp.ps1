<#
.SYNOPSIS
    Compiles docs/en-US/<Verb-Noun>.md into the MAML file that Get-Help reads for binary cmdlets.
.DESCRIPTION
    platyPS is not available from the package registry here, so the build compiles a simple markdown
    shape itself. Each page has, in this order, level-2 sections:
        # Verb-Noun
        ## SYNOPSIS        one paragraph
        ## DESCRIPTION     paragraphs
        ## EXAMPLES        '### Example N: title', a ```powershell block, then remarks
        ## PARAMETERS      '### -Name' and its description, for every parameter of the cmdlet
        ## INPUTS          '### TypeName' and a description
        ## OUTPUTS         '### TypeName' and a description
        ## NOTES           paragraphs (optional)
        ## RELATED LINKS   '- [text](uri)' or '- text' lines (optional)
    Syntax, parameter types, positions, pipeline input and aliases come from the loaded cmdlet, so they
    cannot drift from the code. A page that lacks a parameter, documents one that does not exist, or
    has fewer than two examples fails the build.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutFile
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$module = Import-Module $ModulePath -PassThru -Force
$common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

function Split-Sections([string[]] $Lines, [string] $Prefix) {
    $sections = [ordered]@{}
    $current = $null
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') { $inCode = -not $inCode }
        if (-not $inCode -and $line.StartsWith($Prefix)) {
            $current = $line.Substring($Prefix.Length).Trim()
            $sections[$current] = [System.Collections.Generic.List[string]]::new()
        } elseif ($null -ne $current) {
            $sections[$current].Add($line)
        }
    }
    $sections
}

function Get-Paragraphs([string[]] $Lines) {
    $text = ($Lines -join "`n").Trim()
    if (-not $text) { return @() }
    @($text -split "\n\s*\n" | ForEach-Object { ($_ -split "\n" | ForEach-Object Trim) -join ' ' })
}

function Write-Paragraphs([System.Xml.XmlWriter] $W, [string[]] $Paragraphs) {
    $W.WriteStartElement('maml', 'description', $maml)
    foreach ($p in $Paragraphs) { $W.WriteElementString('maml', 'para', $maml, $p) }
    $W.WriteEndElement()
}

function Get-TypeName([type] $Type) {
    if ($Type -eq [System.Management.Automation.SwitchParameter]) { return 'SwitchParameter' }
    # An optional value type (int?, an enum?) reads as its type, not Nullable`1.
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return $underlying.Name }
    $Type.Name
}

function Write-Parameter([System.Xml.XmlWriter] $W, $Param, $SetInfo, [string[]] $Description) {
    $pipeline = @()
    if ($SetInfo.ValueFromPipeline) { $pipeline += 'ByValue' }
    if ($SetInfo.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
    $W.WriteStartElement('command', 'parameter', $command)
    $W.WriteAttributeString('required', $SetInfo.IsMandatory.ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', $Param.ParameterType.IsArray.ToString().ToLowerInvariant())
    $globbing = [bool]($Param.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $W.WriteAttributeString('globbing', $globbing.ToString().ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
    $W.WriteAttributeString('position', $(if ($SetInfo.Position -ge 0) { "$($SetInfo.Position)" } else { 'named' }))
    $W.WriteAttributeString('aliases', $(if ($Param.Aliases.Count) { $Param.Aliases -join ', ' } else { 'none' }))
    $W.WriteElementString('maml', 'name', $maml, $Param.Name)
    Write-Paragraphs $W $Description
    $typeName = Get-TypeName $Param.ParameterType
    $isSwitch = $Param.ParameterType -eq [System.Management.Automation.SwitchParameter]
    $element = $Param.ParameterType.IsArray ? $Param.ParameterType.GetElementType() : $Param.ParameterType
    if ($element.IsEnum) {
        $W.WriteStartElement('command', 'parameterValueGroup', $command)
        foreach ($name in [enum]::GetNames($element)) {
            $W.WriteStartElement('command', 'parameterValue', $command)
            $W.WriteAttributeString('required', 'false'); $W.WriteAttributeString('variableLength', 'false')
            $W.WriteString($name); $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    $W.WriteStartElement('command', 'parameterValue', $command)
    $W.WriteAttributeString('required', (-not $isSwitch).ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', $Param.ParameterType.IsArray.ToString().ToLowerInvariant())
    $W.WriteString($typeName); $W.WriteEndElement()
    $W.WriteStartElement('dev', 'type', $dev); $W.WriteElementString('maml', 'name', $maml, $Param.ParameterType.FullName); $W.WriteEndElement()
    $W.WriteElementString('dev', 'defaultValue', $dev, (Get-DefaultValue $Param $SetInfo))
    $W.WriteEndElement()
}

# A parameter's default as the cmdlet really starts with it: read from a fresh instance of the cmdlet class, so
# the help cannot drift from the code. Mandatory parameters, switches that are off and unset values read None.
function Get-DefaultValue($Param, $SetInfo) {
    if ($SetInfo.IsMandatory) { return 'None' }
    $property = $script:defaults.GetType().GetProperty($Param.Name)
    if (-not $property) { return 'None' }
    $value = $property.GetValue($script:defaults)
    if ($null -eq $value) { return 'None' }
    if ($value -is [System.Management.Automation.SwitchParameter]) { return $(if ($value.IsPresent) { 'True' } else { 'False' }) }
    if ($value -is [array]) { return $(if ($value.Count) { ($value | ForEach-Object { [Convert]::ToString($_, [cultureinfo]::InvariantCulture) }) -join ', ' } else { 'None' }) }
    if ($value -is [string] -and $value.Length -eq 0) { return 'None' }
    [Convert]::ToString($value, [cultureinfo]::InvariantCulture)
}

function Write-TypeList([System.Xml.XmlWriter] $W, [string] $Outer, [string] $Inner, $Section) {
    $W.WriteStartElement('command', $Outer, $command)
    if ($Section) {
        $types = Split-Sections $Section '### '
        foreach ($name in $types.Keys) {
            $W.WriteStartElement('command', $Inner, $command)
            $W.WriteStartElement('dev', 'type', $dev); $W.WriteElementString('maml', 'name', $maml, $name); $W.WriteEndElement()
            Write-Paragraphs $W (Get-Paragraphs $types[$name])
            $W.WriteEndElement()
        }
    }
    $W.WriteEndElement()
}

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$errors = [System.Collections.Generic.List[string]]::new()

$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$null = New-Item -ItemType Directory -Force -Path (Split-Path $OutFile)
$writer = [System.Xml.XmlWriter]::Create($OutFile, $settings)
$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')

foreach ($cmd in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $page = Join-Path $DocsPath "$($cmd.Name).md"
    $script:defaults = [Activator]::CreateInstance($cmd.ImplementingType)
    if (-not (Test-Path $page)) { $errors.Add("$($cmd.Name): no help page at $page."); continue }
    $sections = Split-Sections (Get-Content $page) '## '
    foreach ($required in 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS') {
        if (-not $sections.Contains($required)) { $errors.Add("$($cmd.Name): the page has no '## $required' section.") }
    }
    if ($errors.Count) { continue }

    $paramDocs = Split-Sections $sections['PARAMETERS'] '### '
    $parameters = $cmd.Parameters.Values | Where-Object { $_.Name -notin $common }
    foreach ($p in $parameters) { if (-not $paramDocs.Contains("-$($p.Name)")) { $errors.Add("$($cmd.Name): parameter -$($p.Name) is not documented.") } }
    foreach ($name in $paramDocs.Keys) { if ($name.TrimStart('-') -notin $parameters.Name) { $errors.Add("$($cmd.Name): the page documents $name, which the cmdlet does not have.") } }
    $examples = Split-Sections $sections['EXAMPLES'] '### '
    if ($examples.Count -lt 2) { $errors.Add("$($cmd.Name): the page has $($examples.Count) example(s); give at least two.") }

    $writer.WriteStartElement('command', 'command', $command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $writer.WriteStartElement('command', 'details', $command)
    $writer.WriteElementString('command', 'name', $command, $cmd.Name)
    $writer.WriteElementString('command', 'verb', $command, $cmd.Verb)
    $writer.WriteElementString('command', 'noun', $command, $cmd.Noun)
    Write-Paragraphs $writer (Get-Paragraphs $sections['SYNOPSIS'])
    $writer.WriteEndElement()
    Write-Paragraphs $writer (Get-Paragraphs $sections['DESCRIPTION'])

    $writer.WriteStartElement('command', 'syntax', $command)
    foreach ($set in $cmd.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $command)
        $writer.WriteElementString('maml', 'name', $maml, $cmd.Name)
        foreach ($sp in $set.Parameters | Where-Object { $_.Name -notin $common }) {
            $desc = $paramDocs.Contains("-$($sp.Name)") ? (Get-Paragraphs $paramDocs["-$($sp.Name)"]) : @()
            Write-Parameter $writer $cmd.Parameters[$sp.Name] $sp $desc
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $command)
    foreach ($p in $parameters) {
        $setInfo = $p.ParameterSets.Values | Sort-Object IsMandatory -Descending | Select-Object -First 1
        Write-Parameter $writer $p $setInfo (Get-Paragraphs $paramDocs["-$($p.Name)"])
    }
    $writer.WriteEndElement()

    Write-TypeList $writer 'inputTypes' 'inputType' $sections['INPUTS']
    Write-TypeList $writer 'returnValues' 'returnValue' $sections['OUTPUTS']

    if ($sections.Contains('NOTES')) {
        $writer.WriteStartElement('maml', 'alertSet', $maml)
        $writer.WriteStartElement('maml', 'alert', $maml)
        foreach ($p in Get-Paragraphs $sections['NOTES']) { $writer.WriteElementString('maml', 'para', $maml, $p) }
        $writer.WriteEndElement(); $writer.WriteEndElement()
    }

    $writer.WriteStartElement('command', 'examples', $command)
    foreach ($title in $examples.Keys) {
        [string[]] $lines = $examples[$title]
        $start = [array]::FindIndex([string[]]$lines, [Predicate[string]] { param($l) $l -match '^```' })
        $end = if ($start -ge 0) { [array]::FindIndex([string[]]$lines, $start + 1, [Predicate[string]] { param($l) $l -match '^```' }) } else { -1 }
        if ($start -lt 0 -or $end -lt 0) { $errors.Add("$($cmd.Name): '$title' has no code block."); continue }
        $writer.WriteStartElement('command', 'example', $command)
        $writer.WriteElementString('maml', 'title', $maml, "-------------------------- $title --------------------------")
        $writer.WriteElementString('dev', 'code', $dev, ($lines[($start + 1)..($end - 1)] -join "`n"))
        $writer.WriteStartElement('dev', 'remarks', $dev)
        $remarks = if ($end + 1 -lt $lines.Count) { $lines[($end + 1)..($lines.Count - 1)] } else { @() }
        foreach ($p in Get-Paragraphs $remarks) { $writer.WriteElementString('maml', 'para', $maml, $p) }
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'relatedLinks', $command)
    if ($sections.Contains('RELATED LINKS')) {
        foreach ($line in $sections['RELATED LINKS'] | Where-Object { $_ -match '^\s*-\s+' }) {
            $text = $line -replace '^\s*-\s+', ''
            $uri = ''
            if ($text -match '^\[(?<t>[^\]]+)\]\((?<u>[^)]*)\)$') { $text = $Matches.t; $uri = $Matches.u }
            $writer.WriteStartElement('maml', 'navigationLink', $maml)
            $writer.WriteElementString('maml', 'linkText', $maml, $text)
            $writer.WriteElementString('maml', 'uri', $maml, $uri)
            $writer.WriteEndElement()
        }
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
}

$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Dispose()

if ($errors.Count) {
    $errors | ForEach-Object { Write-Host "help: $_" -ForegroundColor Red }
    exit 1
}
Write-Host "Compiled help for $((Get-Command -Module $module.Name).Count) cmdlets into $OutFile"
