"""How the registry is driven, per UI family (Element UI; classic server-rendered forms), from a site map.

Nothing here keeps local state: checkpoints are passed in by the filing service. Site knowledge (labels, routes,
classes, button texts) comes from `selectors/`; the code only follows the map and judges each step by its outcome.
"""
