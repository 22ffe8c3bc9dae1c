/** Inputs of the district mutations: the declared fields (district.fields.ts), with their rules. */
import { InputType } from 'type-graphql';
import { createInputBase, CreateInputFields, updateInputBase, UpdateInputFields } from '../shared/record-fields/input-fields';
import { districtFields } from './district.fields';

@InputType({ description: 'Fields to change; those left out stay as they are.' })
@UpdateInputFields(districtFields)
export class DistrictUpdateInput extends updateInputBase(districtFields) {}

@InputType({ description: 'A new school district.' })
@CreateInputFields(districtFields)
export class DistrictCreateInput extends createInputBase(DistrictUpdateInput, districtFields) {}
