extern alias analyzers;
extern alias generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using analyzers::NegLR.Analyzers.Declarations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Behaviour;

/// <summary>
/// The analyzers' knowledge of the generated code (NLR0013's reserved names, NLR0014's C# version, the file suffix that
/// marks generated files) checked against what the generator actually emits, so a generator change fails here first.
/// </summary>
public sealed class GeneratedMembersTests
{
    /// <summary>A body, a template with a second observable, and a body the generator cannot compile (its stub).</summary>
    private static readonly string[] Declarations =
    {
        Samples.DesignExample,
        """
        using NegLR;

        namespace Templates
        {
            [Ansatz(Qubits = 3, Template = AnsatzTemplate.HardwareEfficient, Layers = 2)]
            [Observable("Z0")]
            [Observable("X1")]
            [Observable("Y2")]
            public partial struct Hea { }
        }
        """,
        """
        using NegLR;

        namespace Broken
        {
            [Ansatz(Qubits = 2)]
            [Observable("Z0")]
            public partial struct WhileLoop
            {
                [Circuit]
                static void Build(Circuit c) { while (true) { } }
            }
        }
        """,
    };

    /// <summary>A small body (its generated file is short) and the stub: what the language-version test compiles.</summary>
    private static readonly string[] Small =
    {
        """
        using NegLR;

        namespace Small
        {
            [Ansatz(Qubits = 2)]
            [Observable("Z0 Z1 + 0.5 X0")]
            public partial struct Bell
            {
                [Circuit]
                static void Build(Circuit c) => c.RY(0, c.Weight()).CNOT(0, 1);
            }
        }
        """,
        Declarations[2],
    };

    private static (Compilation User, Compilation WithGenerated, ImmutableArray<SyntaxTree> Generated) Generate(LanguageVersion version, string[]? sources = null)
    {
        sources ??= Declarations;
        var parse = new CSharpParseOptions(version);
        var user = CSharpCompilation.Create("Generated", sources.Select(s => CSharpSyntaxTree.ParseText(s, parse)), TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create(new[] { new generator::NegLR.Generator.NegLRGenerator().AsSourceGenerator() }, parseOptions: parse);
        driver.RunGeneratorsAndUpdateCompilation(user, out var output, out _);
        return (user, output, output.SyntaxTrees.Skip(sources.Length).ToImmutableArray());
    }

    private static List<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    [Fact]
    public void EveryMemberTheGeneratorEmits_IsReserved()
    {
        var (_, output, generated) = Generate(LanguageVersion.Latest);
        Assert.Equal(3, generated.Length);
        var ansatzInterface = output.GetTypeByMetadataName("NegLR.IAnsatz")!;
        var interfaceNames = ansatzInterface.GetMembers().Select(m => m.Name).ToImmutableHashSet(StringComparer.Ordinal);
        int checkedMembers = 0;
        foreach (var (type, observables, declared, explicitImplementation) in GeneratedMembersOf(output, generated))
        {
            Assert.True(explicitImplementation || GeneratedMembers.Use(declared.Name, observables, interfaceNames) is not null,
                $"The generator emits '{declared.Name}' on {type.Name}, which NLR0013 does not reserve: add it to GeneratedMembers.");
            checkedMembers++;
        }

        Assert.True(checkedMembers > 40, "Too few generated members were seen: " + checkedMembers);
    }

    /// <summary>A noisy ansatz by attributes and one by channels in its body: their generated parts add the noisy-only members.</summary>
    private static readonly string[] Noisy =
    {
        """
        using NegLR;

        namespace Noisy
        {
            [Ansatz(Qubits = 3, Template = AnsatzTemplate.HardwareEfficient, Layers = 2)]
            [Observable("Z0 Z1")]
            [Depolarizing(0.01)]
            [ReadoutError(0.02, 0.03)]
            public partial struct Declared { }

            [Ansatz(Qubits = 2)]
            [Observable("Z0")]
            public partial struct Body
            {
                [Circuit]
                static void Build(Circuit c) => c.RY(0, c.Weight()).AmplitudeDamping(0, 0.05).CNOT(0, 1);
            }
        }
        """,
    };

    [Fact]
    public void EveryMemberANoisyAnsatzGets_IsReserved_AndItsNoisyOnlyNamesAreListed()
    {
        var (_, output, generated) = Generate(LanguageVersion.Latest, Noisy);
        var interfaceNames = output.GetTypeByMetadataName("NegLR.IAnsatz")!.GetMembers().Select(m => m.Name).ToImmutableHashSet(StringComparer.Ordinal);
        var noisyOnly = new HashSet<string>(StringComparer.Ordinal);
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (type, _, declared, explicitImplementation) in GeneratedMembersOf(output, generated))
        {
            types.Add(type.Name);
            string? use = GeneratedMembers.Use(declared.Name, 1, interfaceNames);
            Assert.True(explicitImplementation || use is not null || GeneratedMembers.NoisyUse(declared.Name) is not null,
                $"The generator emits '{declared.Name}' on the noisy ansatz {type.Name}, which NLR0013 does not reserve: add it to NoisyGeneratedMembers.Names (Generator/Parsing).");
            if (!explicitImplementation && use is null)
            {
                noisyOnly.Add(declared.Name);
            }
        }

        Assert.Equal(2, types.Count);
        // Every listed noisy-only name is really emitted (the list is not wider than the generator's output); NoisyRuntime is
        // also an IAnsatz member, so NLR0013 reserves it on every ansatz and it is not among the noisy-only names seen here.
        var listed = analyzers::NegLR.Generator.Parsing.NoisyGeneratedMembers.Names.Where(n => !interfaceNames.Contains(n));
        Assert.Equal(listed.OrderBy(n => n, StringComparer.Ordinal), noisyOnly.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Contains("NoisyRuntime", interfaceNames);
    }

    /// <summary>Every member the generated files declare, with its ansatz, the ansatz's observable count and whether it is an explicit interface implementation.</summary>
    private static IEnumerable<(INamedTypeSymbol Type, int Observables, ISymbol Member, bool ExplicitImplementation)> GeneratedMembersOf(
        Compilation output, ImmutableArray<SyntaxTree> generated)
    {
        foreach (var tree in generated)
        {
            Assert.EndsWith(GeneratedMembers.FileSuffix, tree.FilePath, StringComparison.Ordinal);
            var model = output.GetSemanticModel(tree);
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => t.Members.Any(m => m is not TypeDeclarationSyntax)))
            {
                var symbol = model.GetDeclaredSymbol(type)!;
                int observables = symbol.GetAttributes().Count(a => a.AttributeClass?.Name == "ObservableAttribute");
                foreach (var member in type.Members)
                {
                    foreach (var declared in Declared(model, member))
                    {
                        bool explicitImplementation = declared switch
                        {
                            IPropertySymbol p => !p.ExplicitInterfaceImplementations.IsEmpty,
                            IMethodSymbol m => !m.ExplicitInterfaceImplementations.IsEmpty,
                            _ => false,
                        };
                        yield return (symbol, observables, declared, explicitImplementation);
                    }
                }
            }
        }
    }

    [Fact]
    public void GeneratedCode_CompilesAtTheRequiredVersion_AndNotBelowIt()
    {
        var required = GeneratedMembers.RequiredLanguageVersion;
        var (user, output, _) = Generate(required, Small);
        Assert.Empty(Errors(user));
        Assert.Empty(Errors(output));

        // Below it the generator writes nothing (NLR0014 says why), so the user's build sees no errors from generated
        // files; that the version is really needed shows when the files written at it are parsed one version lower.
        var below = Enum.GetValues<LanguageVersion>().Where(v => v < required && v > LanguageVersion.Default).Max();
        var (userBelow, outputBelow, generatedBelow) = Generate(below, Small);
        Assert.Empty(Errors(userBelow));
        Assert.Empty(generatedBelow);
        Assert.Empty(Errors(outputBelow));
        var (_, _, generated) = Generate(required, Small);
        var parseBelow = new CSharpParseOptions(below);
        var forced = userBelow.AddSyntaxTrees(generated.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), parseBelow, t.FilePath)));
        Assert.NotEmpty(Errors(forced));
    }

    [Fact]
    public void ReservedNames_OnlyWhatTheGeneratorUses()
    {
        var none = ImmutableHashSet<string>.Empty;
        Assert.NotNull(GeneratedMembers.Use("Evaluate", 1, none));
        Assert.NotNull(GeneratedMembers.Use("__Anything", 1, none));
        Assert.NotNull(GeneratedMembers.Use("Observable2", 3, none));
        Assert.Null(GeneratedMembers.Use("Observable3", 3, none));
        Assert.Null(GeneratedMembers.Use("Observable1", 1, none));
        Assert.Null(GeneratedMembers.Use("Observable01", 3, none));
        Assert.Null(GeneratedMembers.Use("Evaluated", 1, none));
        Assert.Null(GeneratedMembers.Use("_Forward", 1, none));
    }

    private static IEnumerable<ISymbol> Declared(SemanticModel model, MemberDeclarationSyntax member) => member switch
    {
        BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v)!),
        _ => model.GetDeclaredSymbol(member) is { } symbol ? new[] { symbol } : Array.Empty<ISymbol>(),
    };
}
