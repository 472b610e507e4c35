import './place-label.css';
import type { PlaceName } from '../../src/people/place-names.ts';

/** A unit's or counter's name, its id as small grey secondary text (kept whole for copying). */
export function PlaceLabel({ place, testId }: { place: PlaceName; testId?: string }) {
  return (
    <span className="place-label" data-testid={testId} title={place.id}>
      {place.name}
      {place.known && <span className="secondary-id"> {place.id}</span>}
    </span>
  );
}
