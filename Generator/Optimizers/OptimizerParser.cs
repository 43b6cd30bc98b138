using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using NegLR.Generator.Model;
using NegLR.Generator.Optimizers.Model;

namespace NegLR.Generator.Optimizers;

/// <summary>
/// Reads one optimizer declaration into an <see cref="OptimizerModel"/>. Every optimizer attribute has its own
/// ForAttributeWithMetadataName provider; a type carrying several gives a model only from the provider and node of its
/// owning attribute (<see cref="OptimizerAttributes.Owner"/>), so each type gets exactly one file. Never throws into the
/// compiler: any problem, including an unexpected exception, becomes the model's failure.
/// </summary>
internal static class OptimizerParser
{
    public static OptimizerModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type)
        {
            return null;
        }

        List<DeclaredAttribute> declared;
        DeclaredAttribute? owner;
        bool alsoAnsatz;
        try
        {
            var all = type.GetAttributes();
            alsoAnsatz = IsAlsoAnsatz(all);
            declared = OptimizerAttributeReader.Read(all);
            owner = OptimizerAttributes.Owner(declared);
            if (owner is null || !IsAmong(all[owner.Index], context.Attributes))
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Which provider owns the type is unknown, so writing nothing is the only way to avoid a duplicate file.
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var hierarchy = Hierarchy(type);
        string hintName = HintName(type);
        var shape = OptimizerTypeFacts.Shape(type);
        try
        {
            var problems = ScheduleValidation.ValidateType(hierarchy.DisplayName, owner, shape, OptimizerTypeFacts.IsPartialEverywhere(type, cancellationToken))
                .AddRange(ScheduleValidation.Validate(hierarchy.DisplayName, declared, out var settings));
            return problems.Length == 0
                ? new OptimizerModel(hierarchy, hintName, shape, settings, null, alsoAnsatz)
                : new OptimizerModel(hierarchy, hintName, shape, null, string.Join(" ", problems.Select(p => p.Message)), alsoAnsatz);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never throw into the compiler; the stub explains at run time.
            return new OptimizerModel(hierarchy, hintName, shape, null, "internal error while reading the declaration (" + ex.GetType().Name + ").", alsoAnsatz);
        }
    }

    /// <summary>Whether <paramref name="owner"/> is one of the attributes this provider matched on this node.</summary>
    private static bool IsAmong(AttributeData owner, System.Collections.Immutable.ImmutableArray<AttributeData> matched)
    {
        var reference = owner.ApplicationSyntaxReference;
        foreach (var a in matched)
        {
            if (ReferenceEquals(a, owner))
            {
                return true;
            }

            var other = a.ApplicationSyntaxReference;
            if (reference is not null && other is not null && other.SyntaxTree == reference.SyntaxTree && other.Span == reference.Span)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type and its containing types, outermost first, with type parameter lists in the names.</summary>
    private static HierarchyInfo Hierarchy(INamedTypeSymbol type)
    {
        var types = new List<NegLR.Generator.Model.TypeInfo>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            types.Insert(0, new NegLR.Generator.Model.TypeInfo(Keyword(t), OptimizerTypeFacts.Name(t)));
        }

        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        return new HierarchyInfo(ns, types.ToEquatableArray());
    }

    /// <summary><c>{Namespace}.{Outer}.{Type}.Optimizer.g.cs</c>; generic types add their arity (<c>Type`1</c>) so names stay unique.</summary>
    private static string HintName(INamedTypeSymbol type)
    {
        var parts = new List<string>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            parts.Insert(0, t.Arity == 0 ? t.Name : t.Name + "`" + t.Arity.ToString(CultureInfo.InvariantCulture));
        }

        var sb = new StringBuilder();
        if (type.ContainingNamespace is { IsGlobalNamespace: false } n)
        {
            sb.Append(n.ToDisplayString()).Append('.');
        }

        return sb.Append(string.Join(".", parts)).Append(".Optimizer.g.cs").ToString();
    }

    private static string Keyword(INamedTypeSymbol t) => (t.IsRecord, t.TypeKind) switch
    {
        (true, TypeKind.Struct) => t.IsRefLikeType ? "ref record struct" : "record struct",
        (true, _) => "record",
        (_, TypeKind.Struct) => t.IsRefLikeType ? "ref struct" : "struct",
        (_, TypeKind.Interface) => "interface",
        _ => "class",
    };

    /// <summary>
    /// Whether the type is also an [Ansatz]: the ansatz part then carries the type-level [GeneratedCode] (allowed once)
    /// and its own <c>StepCount</c> constant, so the optimizer part leaves the one out and implements the other explicitly.
    /// </summary>
    private static bool IsAlsoAnsatz(System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
    {
        foreach (var a in attributes)
        {
            if (a.AttributeClass?.ToDisplayString() == NegLRGenerator.AnsatzAttributeName)
            {
                return true;
            }
        }

        return false;
    }
}
