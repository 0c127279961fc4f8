using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using Spcncl.Markdown;

namespace Spcncl.Published.Models;

/// <summary>Marks the typed model of a document type (Umbraco's ModelsBuilder, written by hand).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DocumentTypeModelAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}

/// <summary>Creates the typed model of a published document in a culture. Every document type has exactly one model class.</summary>
public sealed class PublishedModelFactory
{
    private readonly FrozenDictionary<string, Func<PublishedPageContext, PublishedPage>> _constructors;
    private readonly MarkdownRenderer _markdown;

    public PublishedModelFactory(MarkdownRenderer markdown)
        : this(markdown, typeof(PublishedModelFactory).Assembly)
    {
    }

    public PublishedModelFactory(MarkdownRenderer markdown, params Assembly[] assemblies)
    {
        _markdown = markdown;
        var constructors = new Dictionary<string, Func<PublishedPageContext, PublishedPage>>(StringComparer.Ordinal);
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => !t.IsAbstract && typeof(PublishedPage).IsAssignableFrom(t)))
        {
            var attribute = type.GetCustomAttribute<DocumentTypeModelAttribute>()
                ?? throw new InvalidOperationException($"{type.Name} needs a [DocumentTypeModel] attribute naming its document type.");
            var constructor = type.GetConstructor([typeof(PublishedPageContext)])
                ?? throw new InvalidOperationException($"{type.Name} needs a constructor taking a PublishedPageContext.");
            var parameter = Expression.Parameter(typeof(PublishedPageContext), "context");
            var create = Expression.Lambda<Func<PublishedPageContext, PublishedPage>>(Expression.New(constructor, parameter), parameter).Compile();
            if (!constructors.TryAdd(attribute.Alias, create))
            {
                throw new InvalidOperationException($"Two model classes claim the document type '{attribute.Alias}'.");
            }

            ModelTypes[attribute.Alias] = type;
        }

        _constructors = constructors.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Document type alias → model class (for the start-up check that every type has a model).</summary>
    public Dictionary<string, Type> ModelTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>The page in <paramref name="culture"/>, or null when it does not exist in that culture.</summary>
    public PublishedPage? Create(PublishedDocument document, string culture, PublishedSnapshot snapshot)
    {
        if (snapshot.In(document, culture) is not { } page)
        {
            return null;
        }

        return Create(document, page, snapshot);
    }

    public PublishedPage Create(PublishedDocument document, PageCulture page, PublishedSnapshot snapshot)
    {
        if (!_constructors.TryGetValue(document.Type.Alias, out var constructor))
        {
            throw new InvalidOperationException($"No model class for document type '{document.Type.Alias}'.");
        }

        return constructor(new PublishedPageContext(document, page, snapshot, this, _markdown));
    }
}
