/** Where a meeting took place. */
import { Field, ObjectType } from 'type-graphql';
import { stateNames } from '../shared/calendar';

@ObjectType({ description: 'A city and state. A value with no id: two meetings in one city each hold their own, equal copy.' })
export class Location {
  @Field({ description: 'The city.' })
  city: string;

  @Field({ description: 'Two-letter postal code, such as CA.' })
  state: string;

  constructor(city: string, state: string) {
    this.city = city;
    this.state = state;
  }

  @Field({ description: 'The state written out, such as California.' })
  get stateName(): string {
    return stateNames[this.state] ?? this.state;
  }

  @Field({ description: 'As a reader would write it: "Placerville, California".' })
  get text(): string {
    return `${this.city}, ${this.stateName}`;
  }
}
