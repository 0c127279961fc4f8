using Spcncl.Localization;

namespace Spcncl.Site.Routing;

/// <summary>Matches a first URL segment that is one of the site's cultures (<c>{culture:siteCulture}</c>).</summary>
public sealed class SiteCultureRouteConstraint(SiteCultures cultures) : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && cultures.IsSupported(value as string);
}
