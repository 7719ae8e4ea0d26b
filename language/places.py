"""The places of the body the assistant knows, as the vocabulary's `body_location` ids, and
the regions that reading and triage both use. Written once here: the triage core
(actions/triage/history.py) takes them from this module, and the contract test checks them
against the vocabulary and the web chat's leg picture."""

from __future__ import annotations

BODY_LOCATIONS: frozenset[str] = frozenset((
    "lower_back", "buttock", "groin", "inner_thigh", "hip", "thigh", "back_of_thigh",
    "front_of_thigh", "knee", "kneecap", "below_kneecap", "back_of_knee", "inner_knee",
    "outer_knee", "leg", "shin", "outer_leg", "calf", "inner_calf", "ankle", "inner_ankle",
    "foot", "top_of_foot", "heel", "arch", "ball_of_foot", "toes", "sole",
))

BACK = frozenset({"lower_back", "buttock"})
SADDLE = frozenset({"groin", "buttock", "inner_thigh"})  # where saddle numbness is felt
KNEE = frozenset(
    {"knee", "kneecap", "below_kneecap", "back_of_knee", "inner_knee", "outer_knee"}
)
CALF_OR_LEG = frozenset({"calf", "inner_calf", "leg", "shin", "outer_leg"})
FOOT = frozenset({"foot", "top_of_foot", "heel", "arch", "ball_of_foot", "toes", "sole"})
BELOW_KNEE = frozenset({"shin", "outer_leg", "calf", "inner_calf", "ankle", "inner_ankle"}) | FOOT
THIGH = frozenset({"thigh", "back_of_thigh", "front_of_thigh"})
# The leg as a whole, below the hip: what a cold, pale or blue finding must be said of.
LEG = BELOW_KNEE | THIGH | {"leg", "inner_thigh", "back_of_knee"}
