using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using NegLR.Generator.Model;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Reads the noise attributes of an <c>[Ansatz]</c> type (<c>NegLR.NoiseAttribute</c> subclasses, <c>[ReadoutError]</c>,
/// <c>[DeviceProfile]</c>) from its <see cref="AttributeData"/> into a value-equal <see cref="NoiseDeclaration"/>.
/// Attributes are matched by namespace and name (the user's compilation references the Runtime's attribute types, not
/// a linked copy). Nothing here throws: an argument that did not bind marks its attribute unbound and validation skips it.
/// </summary>
internal static class NoiseDeclarationReader
{
    /// <summary>The noise declared by <paramref name="attributes"/> (a type's <c>GetAttributes()</c>; indices refer to it).</summary>
    public static NoiseDeclaration Read(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken = default)
    {
        List<DeclaredChannel>? channels = null;
        List<DeclaredReadout>? readouts = null;
        DeclaredProfile? profile = null;
        for (int i = 0; i < attributes.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attribute = attributes[i];
            if (!IsNegLR(attribute.AttributeClass, out string name))
            {
                continue;
            }

            if (NoiseAttributeNames.ChannelOf(name) is { } kind)
            {
                (channels ??= new()).Add(ReadChannel(attribute, kind, i));
            }
            else if (name == NoiseAttributeNames.ReadoutError)
            {
                (readouts ??= new()).Add(ReadReadout(attribute, i));
            }
            else if (name == NoiseAttributeNames.DeviceProfile && profile is null)
            {
                // [DeviceProfile] is not AllowMultiple: a second one is the compiler's error (CS0579); the first is read.
                profile = ReadProfile(attribute, i);
            }
        }

        return channels is null && readouts is null && profile is null
            ? NoiseDeclaration.None
            : new NoiseDeclaration(
                channels is null ? EquatableArray<DeclaredChannel>.Empty : channels.ToEquatableArray(),
                readouts is null ? EquatableArray<DeclaredReadout>.Empty : readouts.ToEquatableArray(),
                profile);
    }

    /// <summary>True when <paramref name="attribute"/> is one of the noise attributes (a channel, readout error or device profile).</summary>
    public static bool IsNoiseAttribute(AttributeData attribute) =>
        IsNegLR(attribute.AttributeClass, out string name)
        && (NoiseAttributeNames.ChannelOf(name) is not null || name == NoiseAttributeNames.ReadoutError || name == NoiseAttributeNames.DeviceProfile);

    private static DeclaredChannel ReadChannel(AttributeData attribute, ChannelKind kind, int index)
    {
        int arity = NoiseAttributeNames.ConstructorParameters(kind).Length;
        var args = attribute.ConstructorArguments;
        bool bound = attribute.AttributeConstructor is not null && args.Length == arity;
        // The factory's parameter list: thermal relaxation adds the excited population (a property, 0 unless set).
        int count = kind == ChannelKind.ThermalRelaxation ? 4 : arity;
        var parameters = ImmutableArray.CreateBuilder<double>(count);
        for (int k = 0; k < arity; k++)
        {
            double value = double.NaN;
            bound &= k < args.Length && TryDouble(args[k], out value);
            parameters.Add(value);
        }

        if (kind == ChannelKind.ThermalRelaxation)
        {
            double excited = 0;
            if (Named(attribute, NoiseAttributeNames.ExcitedPopulation) is { } e)
            {
                bound &= TryDouble(e, out excited);
            }

            parameters.Add(excited);
        }

        var after = DeclaredNoiseAfter.AllGates;
        if (Named(attribute, NoiseAttributeNames.After) is { } a)
        {
            if (a.Kind != TypedConstantKind.Error && a.Value is int raw)
            {
                after = (DeclaredNoiseAfter)raw;
            }
            else
            {
                bound = false;
            }
        }

        bool gatesSet = ReadInts(attribute, NoiseAttributeNames.Gates, ref bound, out var gates);
        bool qubitsSet = ReadInts(attribute, NoiseAttributeNames.Qubits, ref bound, out var qubits);
        return new DeclaredChannel(kind, new EquatableArray<double>(parameters.MoveToImmutable()), after, gatesSet, gates, qubitsSet, qubits, index, bound);
    }

    private static DeclaredReadout ReadReadout(AttributeData attribute, int index)
    {
        var args = attribute.ConstructorArguments;
        bool bound = attribute.AttributeConstructor is not null && args.Length == 2;
        double p10 = double.NaN, p01 = double.NaN;
        bound = bound && TryDouble(args[0], out p10) & TryDouble(args[1], out p01);
        bool qubitsSet = ReadInts(attribute, NoiseAttributeNames.Qubits, ref bound, out var qubits);
        return new DeclaredReadout(p10, p01, qubitsSet, qubits, index, bound);
    }

    private static DeclaredProfile ReadProfile(AttributeData attribute, int index)
    {
        var args = attribute.ConstructorArguments;
        string? path = attribute.AttributeConstructor is not null && args.Length == 1 && args[0].Kind != TypedConstantKind.Error
            ? args[0].Value as string
            : null;
        bool bound = true;
        bool layoutSet = ReadInts(attribute, NoiseAttributeNames.Layout, ref bound, out var layout);
        return new DeclaredProfile(path, layoutSet && bound, layout, index);
    }

    private static bool IsNegLR(INamedTypeSymbol? type, out string name)
    {
        name = string.Empty;
        if (type is { ContainingType: null, ContainingNamespace: { Name: NoiseAttributeNames.Namespace, ContainingNamespace.IsGlobalNamespace: true } })
        {
            name = type.Name;
            return true;
        }

        return false;
    }

    private static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>An int[] (or enum[]) named argument: false when absent or null; unbound elements clear <paramref name="bound"/>.</summary>
    private static bool ReadInts(AttributeData attribute, string name, ref bool bound, out EquatableArray<int> values)
    {
        values = EquatableArray<int>.Empty;
        if (Named(attribute, name) is not { } constant)
        {
            return false;
        }

        if (constant.Kind != TypedConstantKind.Array)
        {
            bound = false;
            return false;
        }

        if (constant.IsNull)
        {
            return false;
        }

        var b = ImmutableArray.CreateBuilder<int>(constant.Values.Length);
        foreach (var item in constant.Values)
        {
            if (item.Kind != TypedConstantKind.Error && item.Value is int v)
            {
                b.Add(v);
            }
            else
            {
                bound = false;
                b.Add(-1);
            }
        }

        values = new EquatableArray<int>(b.MoveToImmutable());
        return true;
    }

    private static bool TryDouble(TypedConstant constant, out double value)
    {
        value = double.NaN;
        if (constant.Kind == TypedConstantKind.Error || constant.IsNull)
        {
            return false;
        }

        switch (constant.Value)
        {
            case double d:
                value = d;
                return true;
            case float f:
                value = f;
                return true;
            case int n:
                value = n;
                return true;
            case long l:
                value = l;
                return true;
            default:
                return false;
        }
    }
}
