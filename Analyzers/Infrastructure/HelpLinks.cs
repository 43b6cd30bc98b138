using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NegLR.Analyzers.Infrastructure;

/// <summary>
/// Where a diagnostic's help link points. One place decides it: the MSBuild property <c>NegLRHelpLinkBase</c> (made
/// visible to the analyzers by the package's <c>build/NegLR.props</c>, read as <c>build_property.NegLRHelpLinkBase</c>);
/// unset, the default <see cref="DiagnosticDescriptors.HelpLinkBase"/>. A fork or a mirror sets its own:
/// <c>&lt;NegLRHelpLinkBase&gt;https://mirror.example/neglr/diagnostics/&lt;/NegLRHelpLinkBase&gt;</c> gives
/// <c>…/NLR0204.md</c>; a value holding <c>{id}</c> is a template instead (<c>https://docs.example/{id}.html</c>).
/// </summary>
internal sealed class HelpLinks
{
    /// <summary>The MSBuild property.</summary>
    public const string Property = "NegLRHelpLinkBase";

    /// <summary>The key the property arrives under in the global analyzer config options.</summary>
    public const string OptionKey = "build_property." + Property;

    private static readonly ConcurrentDictionary<string, HelpLinks> ByBase = new(StringComparer.Ordinal);

    private readonly string? _base;
    private readonly ConcurrentDictionary<string, DiagnosticDescriptor> _descriptors = new(StringComparer.Ordinal);

    private HelpLinks(string? linkBase) => _base = linkBase;

    /// <summary>The default links: the descriptors as declared.</summary>
    public static HelpLinks Default { get; } = new(null);

    /// <summary>The links a compilation's options ask for (one instance per distinct base, so descriptors are made once).</summary>
    public static HelpLinks For(AnalyzerOptions options)
    {
        if (!options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(OptionKey, out var value)
            || string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        value = value.Trim();
        if (value.IndexOf("{id}", StringComparison.Ordinal) < 0 && !value.EndsWith("/", StringComparison.Ordinal))
        {
            value += "/";
        }

        return value == DiagnosticDescriptors.HelpLinkBase ? Default : ByBase.GetOrAdd(value, static v => new HelpLinks(v));
    }

    /// <summary>The help link of rule <paramref name="id"/>.</summary>
    public string Link(string id) => _base is null
        ? DiagnosticDescriptors.HelpLinkBase + id + ".md"
        : _base.IndexOf("{id}", StringComparison.Ordinal) >= 0 ? _base.Replace("{id}", id) : _base + id + ".md";

    /// <summary><paramref name="descriptor"/> with this help link (the same instance under the default links).</summary>
    public DiagnosticDescriptor Apply(DiagnosticDescriptor descriptor) => _base is null
        ? descriptor
        : _descriptors.GetOrAdd(descriptor.Id, _ => new DiagnosticDescriptor(descriptor.Id, descriptor.Title, descriptor.MessageFormat,
            descriptor.Category, descriptor.DefaultSeverity, descriptor.IsEnabledByDefault, descriptor.Description, Link(descriptor.Id),
            descriptor.CustomTags.ToArray()));
}

/// <summary>
/// How a rule reports: with the compilation's help links applied, so no rule builds a <see cref="Diagnostic"/> from a
/// static descriptor by itself; optionally only what lies in one syntax tree (see <see cref="AnsatzAnalyzer"/>).
/// </summary>
internal readonly struct DiagnosticSink
{
    private readonly Action<Diagnostic> _report;
    private readonly HelpLinks _links;
    private readonly SyntaxTree? _tree;

    public DiagnosticSink(Action<Diagnostic> report, HelpLinks links, SyntaxTree? onlyIn = null)
    {
        _report = report;
        _links = links;
        _tree = onlyIn;
    }

    /// <summary>This sink, keeping only diagnostics located in <paramref name="tree"/>.</summary>
    public DiagnosticSink OnlyIn(SyntaxTree tree) => new(_report, _links, tree);

    public void Report(DiagnosticDescriptor descriptor, Location? location, params object?[] args)
    {
        if (Keeps(location))
        {
            _report(Diagnostic.Create(_links.Apply(descriptor), location, args));
        }
    }

    public void Report(DiagnosticDescriptor descriptor, Location? location, ImmutableDictionary<string, string?>? properties, params object?[] args)
    {
        if (Keeps(location))
        {
            _report(Diagnostic.Create(_links.Apply(descriptor), location, properties, args));
        }
    }

    public void Report(DiagnosticDescriptor descriptor, Location? location, IEnumerable<Location>? additionalLocations, params object?[] args)
    {
        if (Keeps(location))
        {
            _report(Diagnostic.Create(_links.Apply(descriptor), location, additionalLocations, args));
        }
    }

    private bool Keeps(Location? location) => _tree is null || location?.SourceTree == _tree;
}
