/** What sort of local education agency a district is: a GraphQL enum and a PostgreSQL enum (district_kind). */
import { registerEnumType } from 'type-graphql';

export enum DistrictKind {
  SCHOOL_DISTRICT = 'SCHOOL_DISTRICT',
  COUNTY_OFFICE_OF_EDUCATION = 'COUNTY_OFFICE_OF_EDUCATION',
  OTHER_LOCAL_EDUCATION_AGENCY = 'OTHER_LOCAL_EDUCATION_AGENCY',
}
registerEnumType(DistrictKind, {
  name: 'DistrictKind',
  description: 'What sort of local education agency a district is.',
  valuesConfig: {
    SCHOOL_DISTRICT: { description: 'A school district.' },
    COUNTY_OFFICE_OF_EDUCATION: { description: 'A county office of education.' },
    OTHER_LOCAL_EDUCATION_AGENCY: { description: 'Another local education agency, such as a charter management organization.' },
  },
});
