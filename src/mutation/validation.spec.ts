import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { UserErrorCode } from './user-error';
import { IsCalendarDate, IsNotBlank, IsOnOrAfter, IsWebAddress, validateInput } from './validation';

class MaterialInput {
  @IsNotBlank()
  title!: string;

  @IsOptional()
  @IsWebAddress()
  url?: string;
}

class MeetingInput {
  @IsOptional()
  @MaxLength(10)
  title?: string;

  @IsCalendarDate()
  startsOn!: string;

  @IsCalendarDate()
  @IsOnOrAfter('startsOn')
  endsOn!: string;

  @IsOptional()
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  materials?: MaterialInput[];
}

const material = (fields: Partial<MaterialInput>) => Object.assign(new MaterialInput(), { title: 'Agenda', ...fields });
const meeting = (fields: Partial<MeetingInput>) => Object.assign(new MeetingInput(), { startsOn: '2024-03-07', endsOn: '2024-03-08', ...fields });
const simplified = async (input: object, path?: Array<string | number>) =>
  (await validateInput(input, path)).map(({ field, message, code }) => ({ field: field?.join('.'), message, code }));

describe('validation errors as user errors', () => {
  it('finds nothing wrong with a valid input', async () => {
    expect(await validateInput(meeting({ materials: [material({ url: 'https://example.org/a.pdf' })] }))).toEqual([]);
  });

  it('name the field by its path from the argument, and say what is wrong in its words', async () => {
    expect(await simplified(meeting({ startsOn: '2024-02-31' }))).toEqual([
      { field: 'input.startsOn', message: 'startsOn must be a real date written YYYY-MM-DD, such as 2019-05-01', code: UserErrorCode.INVALID },
    ]);
    expect(await simplified(meeting({ endsOn: '2024-03-01' }), ['meeting'])).toEqual([
      { field: 'meeting.endsOn', message: 'endsOn must be on or after startsOn', code: UserErrorCode.INVALID },
    ]);
  });

  it('reach into lists of nested inputs, naming the item', async () => {
    expect(await simplified(meeting({ materials: [material({}), material({ title: ' ', url: 'ftp://x' })] }))).toEqual([
      { field: 'input.materials.1.title', message: 'materials.1.title must not be empty', code: UserErrorCode.BLANK },
      { field: 'input.materials.1.url', message: expect.stringMatching(/^materials\.1\.url must be an http\(s\) URL/), code: UserErrorCode.INVALID },
    ]);
  });

  it('give length and count limits their own codes', async () => {
    const codes = (await validateInput(meeting({ title: 'x'.repeat(11), materials: [material({}), material({}), material({})] }))).map((error) => [
      error.field?.join('.'),
      error.code,
    ]);
    expect(codes).toEqual([
      ['input.title', UserErrorCode.TOO_LONG],
      ['input.materials', UserErrorCode.TOO_MANY],
    ]);
  });
});
